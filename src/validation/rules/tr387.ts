import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { splitDate } from './support/dates.js';
import { sameMonth } from './support/dates-extra.js';

/**
 * As the retourcode text puts it: reported when Begindatum is not the 1st of its month while the
 * toewijzing's Ingangsdatum does not lie later in that month (IV089). Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR387 = defineRule({
  id: 'TR387',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9387',
  description:
    'De Begindatum van een ProductPeriode is altijd de eerste dag van de kalendermaand waarop de ProductPeriode betrekking heeft tenzij de Ingangsdatum van de toewijzing later in de betreffende maand ligt',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const { prestatie, relation } = line;
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const toewijzing = relation.toewijzing;
      const begin = prestatie.ProductPeriode.Begindatum;
      const ingangLater =
        sameMonth(toewijzing.ingangsdatum, begin) && splitDate(toewijzing.ingangsdatum).day > 1;
      if (splitDate(begin).day !== 1 && !ingangLater) {
        findings.push({
          location: `${line.path()}/ProductPeriode/Begindatum`,
          detail: 'Begindatum is niet de eerste dag van de maand',
        });
      }
    }
    return findings;
  },
});
