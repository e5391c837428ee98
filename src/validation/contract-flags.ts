import { type ContractSet, type ContractVersion, tariffTerm } from '../contract/index.js';
import type { ParsedMessage } from '../model/index.js';
import { forEachDebetLine, prestatieXPath } from './rules/support/external-sources.js';

/**
 * A remark on a declaration line that the contract calls for but that rejects nothing: recorded
 * with the decision for the gemeente's contract management (docs/contracts.md).
 * - `price-by-quote`: a delivery of a category priced as gross catalogue price minus discount
 *   (7, 13, 16); the price stands in the quote, which the gateway does not have. (Above the
 *   toewijzing's Budget it is refused all the same, by TR369.)
 *
 * A late invoice is no longer a flag: the contract's deadlines are rule GW-C06.
 */
export interface ContractFlag {
  readonly kind: 'price-by-quote';
  readonly location: string;
  readonly contract: ContractVersion;
  readonly iwmoCode: string;
  readonly discountPercent: number | undefined;
}

/**
 * The contract flags of a message: a pure function of the message and the contract snapshot it
 * was judged with. Only debet lines of a WMO323 that a contract covers get flags.
 */
export function contractFlags(msg: ParsedMessage, contracts: ContractSet): ContractFlag[] {
  if (msg.type !== 'WMO323') {
    return [];
  }
  const flags: ContractFlag[] = [];
  forEachDebetLine(msg, (prestatie, contractLine, client) => {
    const resolution = contracts.resolve(contractLine);
    if (resolution.kind !== 'contracted') {
      return;
    }
    const { contract, supplier, product } = resolution;
    const term = tariffTerm(contract, supplier, product, prestatie.Eenheid, contractLine.begin);
    if (term.kind === 'by-quote') {
      flags.push({
        kind: 'price-by-quote',
        location: prestatieXPath(msg, client, prestatie),
        contract: contract.version,
        iwmoCode: product.iwmoCode,
        discountPercent: term.discountPercent,
      });
    }
  });
  return flags;
}
