import {
  type ContractSet,
  type ContractVersion,
  dateOfDayNumber,
  dayNumber,
  tariffTerm,
} from '../contract/index.js';
import type { ParsedMessage } from '../model/index.js';
import { forEachDebetLine, prestatieXPath } from './rules/support/external-sources.js';

/**
 * A remark on a declaration line that the contract calls for but that rejects nothing: recorded
 * with the decision for the gemeente's contract management (docs/contracts.md).
 * - `price-by-quote`: a delivery of a category priced as gross catalogue price minus discount
 *   (7, 13, 16); the price stands in the quote, which the gateway does not have.
 * - `late-invoice`: declared after the contract's deadline (a delivery within 30 days after the
 *   ProductPeriode, maintenance within 30 days after the end of its month); the contract sets
 *   the deadline but attaches no refusal to it.
 */
export type ContractFlag =
  | {
      readonly kind: 'price-by-quote';
      readonly location: string;
      readonly contract: ContractVersion;
      readonly iwmoCode: string;
      readonly discountPercent: number | undefined;
    }
  | {
      readonly kind: 'late-invoice';
      readonly location: string;
      readonly contract: ContractVersion;
      readonly iwmoCode: string;
      /** The last day the line could be invoiced on time. */
      readonly deadline: string;
    };

/** Last day of the month of a `YYYY-MM-DD` date. */
function monthEnd(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return dateOfDayNumber(Date.UTC(year, month, 0) / 86_400_000);
}

/**
 * The contract flags of a message: a pure function of the message and the contract snapshot it
 * was judged with. Only debet lines of a WMO323 that a contract covers get flags.
 */
export function contractFlags(msg: ParsedMessage, contracts: ContractSet): ContractFlag[] {
  if (msg.type !== 'WMO323') {
    return [];
  }
  const invoiced = msg.Declaratie.DeclaratieDagtekening;
  const flags: ContractFlag[] = [];
  forEachDebetLine(msg, (prestatie, contractLine, client) => {
    const resolution = contracts.resolve(contractLine);
    if (resolution.kind !== 'contracted') {
      return;
    }
    const { contract, supplier, product } = resolution;
    const term = tariffTerm(contract, supplier, product, prestatie.Eenheid, contractLine.begin);
    const location = prestatieXPath(msg, client, prestatie);
    const common = { contract: contract.version, iwmoCode: product.iwmoCode };
    if (term.kind === 'by-quote') {
      flags.push({
        kind: 'price-by-quote',
        location,
        ...common,
        discountPercent: term.discountPercent,
      });
    }
    const billing = contract.terms.billing;
    const deadline =
      term.kind === 'maintenance'
        ? dateOfDayNumber(dayNumber(monthEnd(contractLine.end)) + billing.maintenanceInvoiceDays)
        : dateOfDayNumber(dayNumber(contractLine.end) + billing.deliveryInvoiceDays);
    if (term.kind !== 'wrong-unit' && invoiced > deadline) {
      flags.push({ kind: 'late-invoice', location, ...common, deadline });
    }
  });
  return flags;
}
