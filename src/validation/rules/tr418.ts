import {
  type Contract,
  formatContractVersion,
  indexedAmount,
  tariffTerm,
} from '../../contract/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { forEachDebetLine, prestatieXPath } from './support/external-sources.js';

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
 * tariff per unit (e.g. €80 per driving lesson), in both cases as indexed for the year of that
 * day (indexation from 1 January, compounding). A minute line of an hourly tariff must carry
 * the minute tariff uurtarief / 60 rounded (IV081). Lines priced by quote (BCP minus discount),
 * maintenance lines (the 15th-of-the-month rule needs the register), amounts in euros and lines
 * without a contract are not judged here; GW-C01…GW-C03 report the last ones. Credits are not
 * judged (IV085).
 */
export const TR418 = defineRule({
  id: 'TR418',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '0611',
  description:
    'ProductTarief in Prestatie dient overeen te komen met het contractuele tarief van ProductCode.',
  source: 'regelrapport iWmo 3.2 (TR, controleniveau 3); contract data',
  check(msg, { contracts }) {
    const findings: Finding[] = [];
    forEachDebetLine(msg, (prestatie, contractLine, client) => {
      const declared = prestatie.ProductTarief;
      if (declared === undefined) {
        return;
      }
      const resolution = contracts.resolve(contractLine);
      if (resolution.kind !== 'contracted') {
        return;
      }
      const { contract, supplier, product } = resolution;
      const begin = contractLine.begin;
      const term = tariffTerm(contract, supplier, product, prestatie.Eenheid, begin);
      if (term.kind !== 'tariff' || term.cents === declared) {
        return;
      }
      const year = Number(begin.slice(0, 4));
      const price = supplier.prices[product.category];
      const base =
        term.basis === 'delivery'
          ? price?.delivery
          : product.pricing.model === 'fixed-per-unit' && product.pricing.indexed
            ? (price?.unitTariff ?? product.pricing.tariff)
            : undefined;
      findings.push({
        location: `${prestatieXPath(msg, client, prestatie)}/ProductTarief`,
        detail: `ProductTarief ${declared} is niet het contracttarief ${term.cents} van ${product.iwmoCode} in ${year} (${formatContractVersion(contract.version)})${term.basis === 'minute-of-hour' ? '' : otherYearNote(contract, base, declared, year)}`,
      });
    });
    return findings;
  },
});
