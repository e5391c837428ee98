import { defineRule } from './define-rule.js';
import { gemeenteOf, referenceDates, TR_EXTERNAL_SOURCE } from './support/external-sources.js';

/**
 * The gemeentecode (Afzender or Ontvanger, whichever is the gemeente) must be a CBS code on the
 * message's Dagtekening or, after a herindeling, on one of the dates the rule allows an older
 * list for (the toewijzing's Ingangsdatum or ToewijzingIngangsdatum; for a declaration the
 * first day of a ProductPeriode). So Weesp (0457) is accepted for a toewijzing that started
 * before 24 March 2022, and refused for one that started later.
 */
export const TR378 = defineRule({
  id: 'TR378',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO319', 'WMO323', 'WMO325'],
  level: 4,
  retourCode: 'S300',
  description:
    'Vullen met een bestaande gemeentecode uit het overzicht van CBS dat actueel is op Ingangsdatum of ToewijzingIngangsdatum.',
  source: TR_EXTERNAL_SOURCE,
  check(msg, { cbs }) {
    const { code, location } = gemeenteOf(msg);
    const dagtekening = msg.header.BerichtIdentificatie.Dagtekening;
    if (cbs.isValidOn(code, dagtekening)) {
      return [];
    }
    for (const date of referenceDates(msg)) {
      if (cbs.isValidOn(code, date)) {
        return [];
      }
    }
    return [
      {
        location,
        detail: `gemeentecode ${code} staat niet in de CBS-lijst op de Dagtekening ${dagtekening} of op een Ingangsdatum`,
      },
    ];
  },
});
