import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  declaratieLines,
  releasingCredits,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';

/**
 * Budget is money (LDT_Budget, eurocents), so the sum is taken over IngediendBedrag: for
 * Eenheid 83 (euro's) that equals GeleverdVolume (CS339), the only unit in which the rule text's
 * "som van GeleverdVolume" can be compared with a Budget at all. Sum as in TR322. Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR369 = defineRule({
  id: 'TR369',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9369',
  description:
    'Indien in het ToegewezenProduct een Budget is meegegeven, moet de som van GeleverdVolume in alle ingediende Prestaties die betrekking hebben op dat ToegewezenProduct passen binnen het toegewezen Budget.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const lines = declaratieLines(msg, register, messageParties(msg.type, msg.header));
    const totals = new Map<string, number>();
    for (const [nummer, totaal] of register.declared) {
      totals.set(nummer, totaal.bedrag);
    }
    for (const debet of releasingCredits(register, lines).values()) {
      totals.set(debet.toewijzingNummer, (totals.get(debet.toewijzingNummer) ?? 0) - debet.bedrag);
    }
    const findings: Finding[] = [];
    for (const { prestatie, relation, path } of lines) {
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const budget = relation.toewijzing.budget;
      if (budget === undefined) {
        continue;
      }
      const nummer = relation.toewijzing.toewijzingNummer;
      const sum = (totals.get(nummer) ?? 0) + prestatie.IngediendBedrag.Bedrag;
      totals.set(nummer, sum);
      if (sum > budget) {
        findings.push({
          location: `${path()}/IngediendBedrag/Bedrag`,
          detail: 'De som van de ingediende bedragen is groter dan het toegewezen Budget',
        });
      }
    }
    return findings;
  },
});
