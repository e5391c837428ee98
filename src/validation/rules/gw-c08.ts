import { formatContractVersion, isBillableMonth } from '../../contract/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { forEachContractLine } from './support/contract-line-facts.js';
import { prestatieXPath } from './support/external-sources.js';

/**
 * A month of maintenance is a twelfth of the supplier's yearly maintenance tariff of the
 * category (§7.2), indexed to the year of the month (§7.4) and rounded half up to the cent
 * (`monthlyAmount`): IngediendBedrag must equal it (Eenheid 83, so GeleverdVolume too, CS339).
 * A month that is not billable at all (GW-C07) or has no start (GW-C04) is not judged again
 * here. Credits are not judged (IV085).
 */
export const GW_C08 = defineRule({
  id: 'GW-C08',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '0611',
  description:
    'Het IngediendBedrag van een maand onderhoud is het geïndexeerde onderhoudstarief per jaar van de aanbieder voor de categorie gedeeld door 12, afgerond op hele centen.',
  source: 'contract: maintenance tariff and indexation (Gooi en Vechtstreek §7.2, §7.3, §7.4)',
  check(msg, ctx) {
    const findings: Finding[] = [];
    forEachContractLine(msg, ctx, (facts, prestatie, client) => {
      const price = facts.price;
      if (facts.kind !== 'maintenance' || price === undefined) {
        return;
      }
      if (facts.register !== undefined) {
        const months = facts.billableMonths;
        if (
          months === undefined ||
          facts.month === undefined ||
          !isBillableMonth(facts.month, months)
        ) {
          return;
        }
      }
      const declared = prestatie.IngediendBedrag.Bedrag;
      if (declared !== price.cents) {
        findings.push({
          location: `${prestatieXPath(msg, client, prestatie)}/IngediendBedrag/Bedrag`,
          detail: `${declared} is niet het onderhoud per maand ${price.cents} van ${facts.product.iwmoCode} in ${price.year} (${price.perYearCents ?? '?'} per jaar / 12, ${formatContractVersion(facts.contract.version)})`,
        });
      }
    });
    return findings;
  },
});
