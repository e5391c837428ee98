import { defineRule, type Finding } from './define-rule.js';
import { compareDates } from './support/dates.js';
import { contactsOf301 } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';
import { toewijzingKlassen } from './support/toewijzing-klassen.js';

/**
 * End ≥ begin (equal is allowed): ToegewezenProduct Einddatum/Ingangsdatum and Contact
 * Periode (301), ToewijzingEinddatum/ToewijzingIngangsdatum (315), TeWijzigenProduct and
 * NieuwProduct Einddatum/GewensteIngangsdatum (317).
 */
export const CS003 = defineRule({
  id: 'CS003',
  appliesTo: ['WMO301', 'WMO315', 'WMO317'],
  level: 2,
  retourCode: '0001',
  description:
    'Indien van toepassing vullen met een waarde die groter is dan, of gelijk is aan de Begindatum (of Ingangsdatum) van de aangeduide periode.',
  source: CD_CS_SOURCE,
  check(msg) {
    const findings: Finding[] = toewijzingKlassen(msg)
      .filter((k) => k.einddatum !== undefined && compareDates(k.einddatum, k.ingangsdatum) < 0)
      .map((k) => ({
        location: `${k.path}/${k.einddatumNaam}`,
        detail: 'Einddatum ligt voor de ingangsdatum',
      }));
    if (msg.type === 'WMO301') {
      for (const { item, path } of contactsOf301(msg.Client)) {
        const periode = item.Periode;
        // XSLT checkafter: an Einddatum without a Begindatum fails too.
        if (
          periode?.Einddatum !== undefined &&
          (periode.Begindatum === undefined ||
            compareDates(periode.Einddatum, periode.Begindatum) < 0)
        ) {
          findings.push({
            location: `${path}/Periode/Einddatum`,
            detail: 'Einddatum ligt voor Begindatum of Begindatum ontbreekt',
          });
        }
      }
    }
    return findings;
  },
});
