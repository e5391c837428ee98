import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Only when the toewijzing has a Product (OP302). Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR339 = defineRule({
  id: 'TR339',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9339',
  description:
    'ProductCategorie in Prestatie moet gelijk zijn aan ProductCategorie in het ToegewezenProduct indien deze opgenomen is.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const { prestatie, relation } = line;
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const toewijzing = relation.toewijzing;
      const categorie = toewijzing.product?.categorie;
      if (categorie !== undefined && prestatie.ProductCategorie !== categorie) {
        findings.push({
          location: `${line.path()}/ProductCategorie`,
          detail: 'ProductCategorie wijkt af van de toewijzing',
        });
      }
    }
    return findings;
  },
});
