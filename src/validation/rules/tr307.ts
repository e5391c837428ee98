import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Against the actual version of the toewijzing (IV013); OP368. Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR307 = defineRule({
  id: 'TR307',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9307',
  description:
    'Begindatum in ProductPeriode in Prestatie moet groter dan of gelijk zijn aan Ingangsdatum in ToegewezenProduct.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const { prestatie, relation } = line;
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const toewijzing = relation.toewijzing;
      if (prestatie.ProductPeriode.Begindatum < toewijzing.ingangsdatum) {
        findings.push({
          location: `${line.path()}/ProductPeriode/Begindatum`,
          detail: 'Begindatum ligt voor de Ingangsdatum van de toewijzing',
        });
      }
    }
    return findings;
  },
});
