import type { GeslotenPeriode } from '../../model/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { compareDates } from './support/dates.js';
import {
  DECLARATIE,
  DECLARATIE_ANTWOORD,
  type DeclaratieClient,
  prestatiePath,
} from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

/** Einddatum ≥ Begindatum, and Einddatum ≤ Dagtekening: two checks, as in the XSLT. */
function checkPeriode(
  periode: GeslotenPeriode,
  path: string,
  dagtekening: string,
  findings: Finding[],
): void {
  if (compareDates(periode.Einddatum, periode.Begindatum) < 0) {
    findings.push({ location: `${path}/Einddatum`, detail: 'Einddatum ligt voor Begindatum' });
  }
  if (compareDates(periode.Einddatum, dagtekening) > 0) {
    findings.push({
      location: `${path}/Einddatum`,
      detail: 'Einddatum ligt na de Dagtekening van het bericht',
    });
  }
}

function checkPrestaties(
  clienten: readonly DeclaratieClient[],
  root: string,
  dagtekening: string,
  findings: Finding[],
): void {
  for (const client of clienten) {
    for (const prestatie of client.Prestaties) {
      const periode = prestatie.ProductPeriode;
      if (
        compareDates(periode.Einddatum, periode.Begindatum) < 0 ||
        compareDates(periode.Einddatum, dagtekening) > 0
      ) {
        const path = `${prestatiePath(root, clienten.length, client, prestatie)}/ProductPeriode`;
        checkPeriode(periode, path, dagtekening, findings);
      }
    }
  }
}

export const TR137 = defineRule({
  id: 'TR137',
  appliesTo: ['WMO323', 'WMO325'],
  level: 2,
  retourCode: '0001',
  description:
    'Vullen met een waarde die groter is dan, of gelijk is aan de Begindatum van de aangeduide periode én die niet groter is dan de Dagtekening van het bericht.',
  source: TR_SOURCE,
  check(msg) {
    const dagtekening = msg.header.BerichtIdentificatie.Dagtekening;
    const findings: Finding[] = [];
    if (msg.type === 'WMO323') {
      checkPeriode(
        msg.Declaratie.DeclaratiePeriode,
        `${DECLARATIE}/DeclaratiePeriode`,
        dagtekening,
        findings,
      );
      checkPrestaties(msg.Declaratie.Clienten, DECLARATIE, dagtekening, findings);
    } else {
      checkPrestaties(
        msg.DeclaratieAntwoord?.Clienten ?? [],
        DECLARATIE_ANTWOORD,
        dagtekening,
        findings,
      );
    }
    return findings;
  },
});
