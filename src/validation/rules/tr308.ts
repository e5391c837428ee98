import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Against the actual version of the toewijzing (IV013); OP368. Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR308 = defineRule({
  id: 'TR308',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9308',
  description:
    'Einddatum in ProductPeriode in Prestatie moet kleiner dan of gelijk zijn aan Einddatum in ToegewezenProduct, indien die gevuld is.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const { prestatie, relation } = line;
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const toewijzing = relation.toewijzing;
      const einde = toewijzing.einddatum;
      if (einde !== undefined && prestatie.ProductPeriode.Einddatum > einde) {
        findings.push({
          location: `${line.path()}/ProductPeriode/Einddatum`,
          detail: 'Einddatum ligt na de Einddatum van de toewijzing',
        });
      }
    }
    return findings;
  },
});
