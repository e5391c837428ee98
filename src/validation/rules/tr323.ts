import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  creditedDebet,
  declaratieLines,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';

/**
 * The VorigReferentieNummer of a credit must be the ReferentieNummer of an approved debet in the
 * register (OP366, IV085, IV091).
 */
export const TR323 = defineRule({
  id: 'TR323',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '8017',
  description:
    'Een credit Prestatie moet gerelateerd zijn aan een eerder verzonden (goedgekeurde) debet Prestatie op basis van sleutelvelden.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const { prestatie } = line;
      if (
        prestatie.IngediendBedrag.DebetCredit === 'C' &&
        creditedDebet(register, prestatie) === undefined
      ) {
        findings.push({
          location: `${line.path()}/ProductReferentie/VorigReferentieNummer`,
          detail: 'Geen goedgekeurde debet Prestatie met dit ReferentieNummer',
        });
      }
    }
    return findings;
  },
});
