import type { Geboortedatum } from '../../model/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { personenOf301 } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

/**
 * As the XSLT: DatumGebruik 3 (onbekend) needs Datum 1900-01-01, 2 (alleen jaar) needs month and
 * day 01-01, 1 (alleen maand en jaar) needs day 01 (IV009).
 */
function consistent({ Datum: datum, DatumGebruik: gebruik }: Geboortedatum): boolean {
  if (gebruik === '3') {
    return datum === '1900-01-01';
  }
  if (gebruik === '2') {
    return datum.endsWith('-01-01');
  }
  if (gebruik === '1') {
    return datum.endsWith('-01');
  }
  return true;
}

export const CS139 = defineRule({
  id: 'CS139',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315'],
  level: 2,
  retourCode: '0001',
  description:
    'Voor Geboortedatum geldt dat DatumGebruik en Datum met elkaar in overeenstemming moeten zijn.',
  source: CD_CS_SOURCE,
  check(msg) {
    const personen =
      msg.type === 'WMO301'
        ? personenOf301(msg.Client)
        : [{ item: msg.Client, path: '/Bericht/Client' }];
    const findings: Finding[] = [];
    for (const { item, path } of personen) {
      const geboortedatum = item.Geboortedatum;
      if (geboortedatum !== undefined && !consistent(geboortedatum)) {
        findings.push({
          location: `${path}/Geboortedatum/DatumGebruik`,
          detail: 'DatumGebruik past niet bij Datum',
        });
      }
    }
    return findings;
  },
});
