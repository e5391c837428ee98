import type { Positioned } from '../../model/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { keyOf, lastOfDuplicateGroups } from './support/duplicates.js';
import {
  clientPath,
  DECLARATIE,
  DECLARATIE_ANTWOORD,
  type DeclaratieClient,
  prestatiePath,
} from './support/located.js';
import { TR_SOURCE } from './support/sources.js';
import { step } from './support/xpath.js';

/*
 * Logical keys per class (fact sheet §3.7), compared among the siblings under one parent, as the
 * XSLT does: uniqueness of the child key within its parent, with the parent's own key checked one
 * level up, is uniqueness of the key combined with the parents' keys. One finding per duplicate
 * group, on its last member. Classes that occur once per message (Client in 301–317, Verzoek,
 * Declaratie, DeclaratieAntwoord) cannot be duplicated.
 */

const CLIENT = '/Bericht/Client';
const VERZOEK = `${CLIENT}/Verzoek`;
const DETAIL = 'Dubbele berichtklasse: de logische sleutel komt vaker voor';

function duplicates<T extends Positioned>(
  items: readonly T[] | undefined,
  parentPath: string,
  name: string,
  key: (item: T) => readonly (string | undefined)[],
): Finding[] {
  if (items === undefined || items.length < 2) {
    return [];
  }
  return lastOfDuplicateGroups(items, (item) => keyOf(key(item))).map((item) => ({
    location: `${parentPath}/${step(name, item.position, items.length)}`,
    detail: DETAIL,
  }));
}

function declaratieDuplicates(clienten: readonly DeclaratieClient[], root: string): Finding[] {
  const findings: Finding[] = lastOfDuplicateGroups(clienten, (client) => client.Bsn).map(
    (client) => ({ location: clientPath(root, clienten.length, client), detail: DETAIL }),
  );
  for (const client of clienten) {
    if (client.Prestaties.length < 2) {
      continue;
    }
    const dubbel = lastOfDuplicateGroups(client.Prestaties, (prestatie) =>
      keyOf([
        prestatie.ProductReferentie.ReferentieNummer,
        prestatie.ProductReferentie.VorigReferentieNummer,
      ]),
    );
    for (const prestatie of dubbel) {
      findings.push({
        location: prestatiePath(root, clienten.length, client, prestatie),
        detail: DETAIL,
      });
    }
  }
  return findings;
}

export const TR101 = defineRule({
  id: 'TR101',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO323', 'WMO325'],
  level: 2,
  retourCode: '0001',
  description: 'Binnen een bericht zijn dubbele regels niet toegestaan.',
  source: TR_SOURCE,
  check(msg) {
    switch (msg.type) {
      case 'WMO301': {
        const client = msg.Client;
        return [
          ...duplicates(client.Relaties, `${CLIENT}/Relaties`, 'Relatie', (r) => [r.Nummer]),
          ...duplicates(client.Contactgegevens, `${CLIENT}/Contactgegevens`, 'Contact', (c) => [
            c.Soort,
          ]),
          ...duplicates(
            client.ToegewezenProducten,
            `${CLIENT}/ToegewezenProducten`,
            'ToegewezenProduct',
            (p) => [p.ToewijzingNummer],
          ),
        ];
      }
      case 'WMO305':
        return duplicates(
          msg.Client.StartProducten,
          `${CLIENT}/StartProducten`,
          'StartProduct',
          (p) => [p.ToewijzingNummer, p.Product?.Categorie, p.Product?.Code, p.Begindatum],
        );
      case 'WMO307':
        return duplicates(
          msg.Client.StopProducten,
          `${CLIENT}/StopProducten`,
          'StopProduct',
          (p) => [
            p.ToewijzingNummer,
            p.Product?.Categorie,
            p.Product?.Code,
            p.Begindatum,
            p.RedenBeeindiging,
            p.Einddatum,
          ],
        );
      case 'WMO315':
        return duplicates(
          msg.Client.AangevraagdeProducten,
          `${CLIENT}/AangevraagdeProducten`,
          'AangevraagdProduct',
          (p) => [p.ReferentieAanbieder],
        );
      case 'WMO317': {
        const verzoek = msg.Client.Verzoek;
        return [
          ...duplicates(
            verzoek.OngewijzigdeProducten,
            `${VERZOEK}/OngewijzigdeProducten`,
            'OngewijzigdProduct',
            (p) => [p.ToewijzingNummer],
          ),
          ...duplicates(
            verzoek.TeWijzigenProducten,
            `${VERZOEK}/TeWijzigenProducten`,
            'TeWijzigenProduct',
            (p) => [p.ToewijzingNummer],
          ),
          ...duplicates(
            verzoek.NieuweProducten,
            `${VERZOEK}/NieuweProducten`,
            'NieuwProduct',
            (p) => [p.Product?.Categorie, p.Product?.Code, p.GewensteIngangsdatum],
          ),
        ];
      }
      case 'WMO323':
        return declaratieDuplicates(msg.Declaratie.Clienten, DECLARATIE);
      case 'WMO325':
        return declaratieDuplicates(msg.DeclaratieAntwoord?.Clienten ?? [], DECLARATIE_ANTWOORD);
    }
  },
});
