import { comparableVolume, messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, eenheidPast, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { maxVolumeForPeriod } from './support/volume-limits.js';

/**
 * The maximum for the ProductPeriode follows IV076–IV078 (support/volume-limits.ts): per dag ×
 * days, per week × calendar weeks (inspanning; always 6 weeks for categorie 01) or × Sundays
 * (output, + the broken last week), per maand and TBGT × 1. Minutes count against hours. Only with
 * an Omvang and a fitting Eenheid (TR341). Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR321 = defineRule({
  id: 'TR321',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9321',
  description:
    'Indien in het ToegewezenProduct een Omvang is meegegeven moet GeleverdVolume in de Prestatie passen binnen Volume in het ToegewezenProduct.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const { prestatie, relation } = line;
      if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
        continue;
      }
      const toewijzing = relation.toewijzing;
      const omvang = toewijzing.omvang;
      if (omvang === undefined || !eenheidPast(omvang.eenheid, prestatie.Eenheid)) {
        continue;
      }
      const max = maxVolumeForPeriod(
        toewijzing,
        prestatie.ProductPeriode.Begindatum,
        prestatie.ProductPeriode.Einddatum,
      );
      if (
        max !== undefined &&
        comparableVolume(prestatie.Eenheid, prestatie.GeleverdVolume) > max
      ) {
        findings.push({
          location: `${line.path()}/GeleverdVolume`,
          detail: 'GeleverdVolume is groter dan toegewezen voor deze ProductPeriode',
        });
      }
    }
    return findings;
  },
});
