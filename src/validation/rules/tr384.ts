import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * No declaring on a deleted toewijzing (RedenWijziging 13). Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR384 = defineRule({
  id: 'TR384',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9384',
  description:
    'Het is niet toegestaan te declareren op een toewijzing met RedenWijziging waarde "13" (Verwijderd)',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const { prestatie, relation } = line;
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const toewijzing = relation.toewijzing;
      if (toewijzing.redenWijziging === '13') {
        findings.push({
          location: `${line.path()}/ToewijzingNummer`,
          detail: 'De toewijzing is verwijderd (RedenWijziging 13)',
        });
      }
    }
    return findings;
  },
});
