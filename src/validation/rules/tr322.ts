import { comparableVolume, messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  declaratieLines,
  eenheidPast,
  releasingCredits,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';
import { maxVolumeForToewijzing } from './support/volume-limits.js';

/**
 * Sum = what the register holds as approved (net of credits) + this message's debets − the
 * debets its valid credits release (credits first, OP366); the lines that push the sum over the
 * maximum over the whole toewijzing period (support/volume-limits.ts) are reported, in document
 * order. Open-ended toewijzingen with a per-period frequency have no computable maximum. Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR322 = defineRule({
  id: 'TR322',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9322',
  description:
    'Indien in het ToegewezenProduct een Omvang is meegegeven, moet de som van GeleverdVolume in alle ingediende Prestaties die betrekking hebben op dat ToegewezenProduct passen binnen de toegewezen Omvang.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const lines = declaratieLines(msg, register, messageParties(msg.type, msg.header));
    const totals = new Map<string, number>();
    for (const [nummer, totaal] of register.declared) {
      totals.set(nummer, totaal.volume);
    }
    for (const debet of releasingCredits(register, lines).values()) {
      totals.set(debet.toewijzingNummer, (totals.get(debet.toewijzingNummer) ?? 0) - debet.volume);
    }
    const findings: Finding[] = [];
    for (const { prestatie, relation, path } of lines) {
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const toewijzing = relation.toewijzing;
      const omvang = toewijzing.omvang;
      const max = maxVolumeForToewijzing(toewijzing);
      if (
        omvang === undefined ||
        max === undefined ||
        !eenheidPast(omvang.eenheid, prestatie.Eenheid)
      ) {
        continue;
      }
      const nummer = toewijzing.toewijzingNummer;
      const sum =
        (totals.get(nummer) ?? 0) + comparableVolume(prestatie.Eenheid, prestatie.GeleverdVolume);
      totals.set(nummer, sum);
      if (sum > max) {
        findings.push({
          location: `${path()}/GeleverdVolume`,
          detail: 'De som van de ingediende volumes is groter dan het toegewezen volume',
        });
      }
    }
    return findings;
  },
});
