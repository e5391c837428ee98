import { type Clock, dutchCalendarDate } from '../clock/calendar-date.js';
import type { ContractSet, ContractVersion } from '../contract/index.js';
import type { ParsedMessage } from '../model/index.js';
import type { CbsGemeenten } from '../reference-data/index.js';
import type { RuleStage, StageContext } from './pipeline.js';
import { checkLevel4 } from './rules/index.js';
import { gemeenteOf } from './rules/support/external-sources.js';
import type { Violation } from './violation.js';

/** The external sources level 4 judges against (IV032: system date, CBS list, contracts). */
export interface ExternalSources {
  readonly cbs: CbsGemeenten;
  /** The contracts in force now, e.g. `() => registry.current()` of a ContractRegistry. */
  readonly contracts: () => ContractSet;
  /** The system clock; "today" is its Dutch calendar date, read once per message. */
  readonly clock: Clock;
}

/** The level-4 stage, which also tells which contract versions it judged a message with. */
export interface ExternalSourceStage extends RuleStage<ParsedMessage> {
  /**
   * Level 4 reads the register view from the stage context (the contract rules that need
   * earlier traffic, GW-C04…); its other sources come with the stage.
   */
  check(message: ParsedMessage, context?: StageContext): readonly Violation[];
  /**
   * The versions of the contracts of the message's gemeente in the snapshot the stage judged
   * `message` with, for the decision record; undefined when the stage did not run on it.
   */
  contractVersionsOf(message: ParsedMessage): readonly ContractVersion[] | undefined;
  /**
   * The contract snapshot and the date the stage judged `message` with, for the decision record
   * and the dry run; undefined when the stage did not run on it.
   */
  snapshotOf(message: ParsedMessage): ExternalSourceSnapshot | undefined;
}

/** What level 4 judged one message with. */
export interface ExternalSourceSnapshot {
  readonly contracts: ContractSet;
  /** The Dutch calendar date ("today", TR135). */
  readonly today: string;
}

/**
 * Level 4 (STYLE §A2): the rules against external sources. Each message is judged against one
 * snapshot of the contracts and one reading of the clock, so a contract reloaded halfway cannot
 * split a decision; the snapshot is remembered per message (weakly) for the decision record.
 */
export function createExternalSourceStage(sources: ExternalSources): ExternalSourceStage {
  const used = new WeakMap<ParsedMessage, ExternalSourceSnapshot>();
  return {
    level: 4,
    name: 'rules against external sources',
    check(message: ParsedMessage, context: StageContext = {}): readonly Violation[] {
      const contracts = sources.contracts();
      const today = dutchCalendarDate(sources.clock());
      used.set(message, { contracts, today });
      return checkLevel4(message, {
        today,
        cbs: sources.cbs,
        contracts,
        ...(context.register === undefined ? {} : { register: context.register }),
      });
    },
    contractVersionsOf(message) {
      return used.get(message)?.contracts.versionsFor(gemeenteOf(message).code);
    },
    snapshotOf(message) {
      return used.get(message);
    },
  };
}
