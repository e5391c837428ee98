import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  creditedDebet,
  declaratieLines,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';

/**
 * A debet is credited at most once (OP360). Two credits of one debet in one message are TR315
 * (level 2).
 */
export const TR390 = defineRule({
  id: 'TR390',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9390',
  description:
    'DebetCredit mag alleen waarde Credit hebben indien voor Prestatie met gelijk ProductReferentie niet een Prestatie met Credit bestaat',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      if (creditedDebet(register, line.prestatie)?.gecrediteerd === true) {
        findings.push({
          location: `${line.path()}/ProductReferentie/VorigReferentieNummer`,
          detail: 'Deze debet Prestatie is al gecrediteerd',
        });
      }
    }
    return findings;
  },
});
