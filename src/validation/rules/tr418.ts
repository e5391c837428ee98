import { type Contract, formatContractVersion, indexedAmount } from '../../contract/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { forEachContractLine } from './support/contract-line-facts.js';
import { prestatieXPath } from './support/external-sources.js';

/** "…, the price of 2025" when the declared tariff is the contract's price of a neighbouring year. */
function otherYearNote(
  contract: Contract,
  base: number | undefined,
  declared: number,
  year: number,
): string {
  if (base === undefined) {
    return '';
  }
  for (const other of [year - 1, year + 1]) {
    if (indexedAmount(contract, base, other) === declared) {
      return `; ${declared} is de prijs van ${other}, een levering in ${year} geldt tegen de prijs van ${year} (indexatie)`;
    }
  }
  return '';
}

/**
 * ProductTarief must equal the contracted tariff of the ProductCode (level 3 in the
 * regelrapport; judged here against contract data, level 4). The contracted tariff is the one of
 * the contract in force on the first day of the ProductPeriode for this supplier and gemeente:
 * the supplier's all-in delivery price (a line in the contract's delivery unit) or the fixed
 * tariff per unit (e.g. €80 per driving lesson), in both cases as indexed for the year of the
 * line (indexation from 1 January, compounding). The year of a delivery is the year of its
 * delivery date, the Begindatum of the start (WMO305) behind it, when the register knows it
 * (GW-C04 refuses a delivery whose ProductPeriode does not contain that date, so a wrong period
 * is not reported as a wrong price too); otherwise, and for every other line, the year of the
 * ProductPeriode's first day. A minute line of an hourly tariff must carry the minute tariff
 * uurtarief / 60 rounded (IV081). Lines priced by quote (BCP minus discount), maintenance lines
 * (GW-C08), amounts in euros and lines without a contract are not judged here; GW-C01…GW-C03
 * report the last ones. Credits are not judged (IV085).
 */
export const TR418 = defineRule({
  id: 'TR418',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '0611',
  description:
    'ProductTarief in Prestatie dient overeen te komen met het contractuele tarief van ProductCode.',
  source: 'regelrapport iWmo 3.2 (TR, controleniveau 3); contract data',
  check(msg, ctx) {
    const findings: Finding[] = [];
    forEachContractLine(msg, ctx, (facts, prestatie, client) => {
      const declared = prestatie.ProductTarief;
      const { term, price, contract, product } = facts;
      if (declared === undefined || term.kind !== 'tariff' || term.cents === declared) {
        return;
      }
      const year = price?.year ?? Number(prestatie.ProductPeriode.Begindatum.slice(0, 4));
      const base = price?.indexation === undefined ? undefined : price.baseCents;
      findings.push({
        location: `${prestatieXPath(msg, client, prestatie)}/ProductTarief`,
        detail: `ProductTarief ${declared} is niet het contracttarief ${term.cents} van ${product.iwmoCode} in ${year} (${formatContractVersion(contract.version)})${term.basis === 'minute-of-hour' ? '' : otherYearNote(contract, base, declared, year)}`,
      });
    });
    return findings;
  },
});
