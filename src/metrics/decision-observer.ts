import type { AtomicWrite, MessageRecord, MessageResult } from '../store/index.js';

/** What the worker knows when it records a message's decision. */
export interface DecisionFacts {
  readonly record: MessageRecord;
  readonly result: MessageResult;
  /** The message body (UTF-8 XML); undefined when it could not be read (a failed message). */
  readonly body: Uint8Array | undefined;
  /** Whether the gateway answers this message (a heen message to a local party). */
  readonly answering: boolean;
  readonly now: Date;
  /** When the worker took the message (end of the queue wait). */
  readonly startedAt: Date;
  /** How long levels 1 and up took, in ms (undefined for a failed message). */
  readonly validationMs: number | undefined;
}

/**
 * Something that keeps state derived from decisions (search index, counters, deadlines). Its
 * writes go into the decision's atomic step (`MessageStore.finish`), so they happen exactly once
 * per message, together with the decision, or not at all.
 */
export interface DecisionObserver {
  decisionWrites(facts: DecisionFacts): readonly AtomicWrite[];
}

/** The writes of every observer; an observer that throws is a bug and fails the job. */
export function observerWrites(
  observers: readonly DecisionObserver[] | undefined,
  facts: DecisionFacts,
): AtomicWrite[] {
  return (observers ?? []).flatMap((o) => [...o.decisionWrites(facts)]);
}
