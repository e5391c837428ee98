import type { Geboortedatum } from '../../model/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { dateNumber } from './support/dates.js';
import { personenOf301 } from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

/** Unknown birth date: DatumGebruik 3 with Datum 1900-01-01 (toelichting TR002). */
function isUnknown(geboortedatum: Geboortedatum): boolean {
  return geboortedatum.DatumGebruik === '3' && geboortedatum.Datum === '1900-01-01';
}

export const TR002 = defineRule({
  id: 'TR002',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315'],
  level: 2,
  retourCode: '0001',
  description:
    'Geboortedatum mag niet meer dan 120 jaar voor de Dagtekening liggen, tenzij Geboortedatum onbekend is.',
  source: TR_SOURCE,
  check(msg) {
    const dagtekening = dateNumber(msg.header.BerichtIdentificatie.Dagtekening);
    const findings: Finding[] = [];
    const personen =
      msg.type === 'WMO301'
        ? personenOf301(msg.Client)
        : [{ item: msg.Client, path: '/Bericht/Client' }];
    for (const { item, path } of personen) {
      const geboortedatum = item.Geboortedatum;
      if (geboortedatum === undefined || isUnknown(geboortedatum)) {
        continue;
      }
      // XSLT checkYearsBetween: YYYYMMDD + 120·10000 must not be before the Dagtekening, so a
      // person born exactly 120 years before the Dagtekening passes.
      if (dateNumber(geboortedatum.Datum) + 120 * 10_000 < dagtekening) {
        findings.push({
          location: `${path}/Geboortedatum/Datum`,
          detail: 'Geboortedatum ligt meer dan 120 jaar voor de Dagtekening',
        });
      }
    }
    return findings;
  },
});
