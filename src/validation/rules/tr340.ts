import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Only when the toewijzing has a Product Code (specifiek, OP302). Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR340 = defineRule({
  id: 'TR340',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9340',
  description:
    'ProductCode in Prestatie moet gelijk zijn aan ProductCode in het ToegewezenProduct, indien deze opgenomen is.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const { prestatie, relation } = line;
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const toewijzing = relation.toewijzing;
      const code = toewijzing.product?.code;
      if (code !== undefined && prestatie.ProductCode !== code) {
        findings.push({
          location: `${line.path()}/ProductCode`,
          detail: 'ProductCode wijkt af van de toewijzing',
        });
      }
    }
    return findings;
  },
});
