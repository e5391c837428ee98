import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, eenheidPast, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Equal Eenheid, or minutes against hours (IV081). Without an Omvang (aspecifiek or generiek
 * with budget) the contracted unit decides, which is level 4 (contracts, issue 5): not judged here. Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR341 = defineRule({
  id: 'TR341',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9341',
  description: 'Eenheid in Prestatie moet passen bij Eenheid in het ToegewezenProduct.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const { prestatie, relation } = line;
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const toewijzing = relation.toewijzing;
      const eenheid = toewijzing.omvang?.eenheid;
      if (eenheid !== undefined && !eenheidPast(eenheid, prestatie.Eenheid)) {
        findings.push({
          location: `${line.path()}/Eenheid`,
          detail: 'Eenheid past niet bij de Eenheid van de toewijzing',
        });
      }
    }
    return findings;
  },
});
