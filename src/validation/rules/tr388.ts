import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { splitDate } from './support/dates.js';
import { lastDayOfMonth, sameMonth } from './support/dates-extra.js';

/**
 * As the retourcode text puts it: reported when Einddatum is not the last day of its month while
 * the toewijzing's Einddatum does not lie earlier in that month (IV089). Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR388 = defineRule({
  id: 'TR388',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9388',
  description:
    'De Einddatum van een ProductPeriode is altijd de laatste dag van de kalendermaand waarop de ProductPeriode betrekking heeft tenzij de Einddatum van de toewijzing eerder in de betreffende maand ligt',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const { prestatie, relation } = line;
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const toewijzing = relation.toewijzing;
      const end = prestatie.ProductPeriode.Einddatum;
      const einde = toewijzing.einddatum;
      const eindeEerder =
        einde !== undefined &&
        sameMonth(einde, end) &&
        splitDate(einde).day < lastDayOfMonth(einde);
      if (splitDate(end).day !== lastDayOfMonth(end) && !eindeEerder) {
        findings.push({
          location: `${line.path()}/ProductPeriode/Einddatum`,
          detail: 'Einddatum is niet de laatste dag van de maand',
        });
      }
    }
    return findings;
  },
});
