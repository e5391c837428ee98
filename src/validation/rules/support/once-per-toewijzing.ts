import { debetKey, type OpenDebetRecord } from '../../../domain/register/index.js';
import type { ParsedMessage, Wmo323Client, Wmo323Prestatie } from '../../../model/index.js';
import type { Finding } from '../define-rule.js';
import {
  type ContractLineContext,
  type ContractLineFacts,
  forEachContractLine,
  isReleased,
  sameDebetKey,
} from './contract-line-facts.js';

/** What GW-C05 (one delivery) and GW-C09 (one month of maintenance) count once per toewijzing. */
export interface OncePerToewijzing {
  /** The slot a line takes (the toewijzing, with the month for maintenance); undefined: not judged. */
  slot(facts: ContractLineFacts, prestatie: Wmo323Prestatie): string | undefined;
  /** True for an open debet of the register that takes the same slot as the line. */
  takes(debet: OpenDebetRecord, facts: ContractLineFacts, prestatie: Wmo323Prestatie): boolean;
  /** The finding for a line whose slot `open` (or, when undefined, an earlier line) holds. */
  finding(
    prestatie: Wmo323Prestatie,
    client: Wmo323Client,
    open: OpenDebetRecord | undefined,
  ): Finding;
}

/**
 * The lines of a toewijzing in the register whose slot is already taken: by an approved debet
 * that no credit in the message releases (OP366), or by an earlier line of the message. A repeat
 * with the same debet key is TR389's (across messages) or TR416's (in one message) and not
 * reported twice. Judged only with the register; credits are not judged (IV085).
 */
export function slotsTakenTwice(
  msg: ParsedMessage<'WMO323'>,
  ctx: ContractLineContext,
  rule: OncePerToewijzing,
): Finding[] {
  if (ctx.register === undefined) {
    return [];
  }
  const findings: Finding[] = [];
  const earlier = new Map<string, Set<string>>();
  forEachContractLine(msg, ctx, (facts, prestatie, client) => {
    if (facts.register?.toewijzing === undefined) {
      return;
    }
    const slot = rule.slot(facts, prestatie);
    if (slot === undefined) {
      return;
    }
    const key = debetKey(prestatie);
    const inMessage = earlier.get(slot) ?? new Set<string>();
    const open = facts.register.openDebets.find(
      (debet) =>
        rule.takes(debet, facts, prestatie) &&
        !sameDebetKey(debet, prestatie) &&
        !isReleased(msg, debet),
    );
    // O(1): another key is there when the set holds two, or one that is not this line's.
    const repeated = inMessage.size > 1 || (inMessage.size === 1 && !inMessage.has(key));
    if (open !== undefined || repeated) {
      findings.push(rule.finding(prestatie, client, open));
    }
    inMessage.add(key);
    earlier.set(slot, inMessage);
  });
  return findings;
}
