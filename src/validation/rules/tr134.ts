import { defineRule, type Finding } from './define-rule.js';
import { compareDates } from './support/dates.js';
import {
  DECLARATIE,
  DECLARATIE_ANTWOORD,
  type DeclaratieClient,
  locate,
  personenOf301,
  prestatiePath,
} from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

const CLIENT = '/Bericht/Client';

function checkPrestaties(
  clienten: readonly DeclaratieClient[],
  root: string,
  dagtekening: string,
  findings: Finding[],
): void {
  for (const client of clienten) {
    for (const prestatie of client.Prestaties) {
      if (compareDates(prestatie.ProductPeriode.Begindatum, dagtekening) > 0) {
        findings.push({
          location: `${prestatiePath(root, clienten.length, client, prestatie)}/ProductPeriode/Begindatum`,
          detail: 'Begindatum ligt na de Dagtekening van het bericht',
        });
      }
    }
  }
}

export const TR134 = defineRule({
  id: 'TR134',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO323', 'WMO325'],
  level: 2,
  retourCode: '0001',
  description:
    'Vullen met een bestaande datum die niet groter is dan de Dagtekening van het bericht.',
  source: TR_SOURCE,
  check(msg) {
    const dagtekening = msg.header.BerichtIdentificatie.Dagtekening;
    const findings: Finding[] = [];
    const check = (date: string | undefined, location: string): void => {
      if (date !== undefined && compareDates(date, dagtekening) > 0) {
        findings.push({ location, detail: 'Datum ligt na de Dagtekening van het bericht' });
      }
    };
    switch (msg.type) {
      case 'WMO301':
        for (const { item, path } of personenOf301(msg.Client)) {
          check(item.Geboortedatum?.Datum, `${path}/Geboortedatum/Datum`);
        }
        for (const { item, path } of locate(
          msg.Client.ToegewezenProducten,
          `${CLIENT}/ToegewezenProducten`,
          'ToegewezenProduct',
        )) {
          check(item.Toewijzingsdatum, `${path}/Toewijzingsdatum`);
        }
        break;
      case 'WMO305':
        check(msg.Client.Geboortedatum.Datum, `${CLIENT}/Geboortedatum/Datum`);
        for (const { item, path } of locate(
          msg.Client.StartProducten,
          `${CLIENT}/StartProducten`,
          'StartProduct',
        )) {
          check(item.Begindatum, `${path}/Begindatum`);
        }
        break;
      case 'WMO307':
        check(msg.Client.Geboortedatum.Datum, `${CLIENT}/Geboortedatum/Datum`);
        for (const { item, path } of locate(
          msg.Client.StopProducten,
          `${CLIENT}/StopProducten`,
          'StopProduct',
        )) {
          check(item.Einddatum, `${path}/Einddatum`);
        }
        break;
      case 'WMO315':
        check(msg.Client.Geboortedatum.Datum, `${CLIENT}/Geboortedatum/Datum`);
        break;
      case 'WMO323': {
        const { Clienten: clienten, DeclaratiePeriode: periode } = msg.Declaratie;
        check(periode.Begindatum, `${DECLARATIE}/DeclaratiePeriode/Begindatum`);
        checkPrestaties(clienten, DECLARATIE, dagtekening, findings);
        break;
      }
      case 'WMO325':
        checkPrestaties(
          msg.DeclaratieAntwoord?.Clienten ?? [],
          DECLARATIE_ANTWOORD,
          dagtekening,
          findings,
        );
        break;
    }
    return findings;
  },
});
