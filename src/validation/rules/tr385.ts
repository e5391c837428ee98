import { canonicalNummer } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { CLIENT, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { locate } from './support/located.js';

/**
 * Deleting a toewijzing (RedenWijziging 13) is refused while approved debet Prestaties on it are
 * not credited (OP362): that would make declared care unlawful.
 */
export const TR385 = defineRule({
  id: 'TR385',
  appliesTo: ['WMO301'],
  level: 3,
  retourCode: '9385',
  description:
    'Indien de toewijzing goedgekeurde (niet gecrediteerde) prestatiesregels met gelijk ToewijzingNummer heeft, is het niet toegestaan deze toewijzing te verwijderen met RedenWijziging waarde 13 (verwijderd)',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const { item, path } of locate(
      msg.Client.ToegewezenProducten,
      `${CLIENT}/ToegewezenProducten`,
      'ToegewezenProduct',
    )) {
      const open = register.declared.get(canonicalNummer(item.ToewijzingNummer))?.openDebets ?? 0;
      if (item.RedenWijziging === '13' && open > 0) {
        findings.push({
          location: `${path}/RedenWijziging`,
          detail: `${open} goedgekeurde, niet gecrediteerde Prestatie(s) op deze toewijzing`,
        });
      }
    }
    return findings;
  },
});
