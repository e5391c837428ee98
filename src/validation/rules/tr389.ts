import { debetKey, messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  declaratieLines,
  releasingCredits,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';

/**
 * Open debets per key come from the register; a valid credit in the same message releases its
 * debet first (OP366, IV086). Repeats inside one client are TR416 (level 2).
 */
export const TR389 = defineRule({
  id: 'TR389',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9389',
  description:
    'Prestatie met DebetCredit in IngediendBedrag waarde Debet mag alleen ingezonden worden voor dezelfde ProductPeriode, ProductCategorie en ProductCode met gelijk ToewijzingNummer als er niet al eerder een debetprestatie is verzonden.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const lines = declaratieLines(msg, register, messageParties(msg.type, msg.header));
    const open = new Map<string, number>();
    for (const debet of releasingCredits(register, lines).values()) {
      open.set(debet.debetKey, (open.get(debet.debetKey) ?? 0) - 1);
    }
    const findings: Finding[] = [];
    for (const { prestatie, path } of lines) {
      if (prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const key = debetKey(prestatie);
      const count = (register.openDebets.get(key) ?? 0) + (open.get(key) ?? 0);
      if (count > 0) {
        findings.push({
          location: `${path()}/ProductPeriode`,
          detail:
            'Er is al een niet gecrediteerde debet Prestatie voor deze periode en dit product',
        });
      }
      open.set(key, (open.get(key) ?? 0) + 1);
    }
    return findings;
  },
});
