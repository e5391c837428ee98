import { setImmediate } from 'node:timers/promises';

import { type Job, UnrecoverableError } from 'bullmq';

import { type Clock, dutchCalendarDate } from '../../clock/calendar-date.js';
import {
  type DeliveryQueue,
  type DeliveryRetryPolicy,
  type DeliveryStore,
  enqueueDelivery,
  planDeliveries,
} from '../../delivery/index.js';
import { isHeenMessageType } from '../../domain/message-types.js';
import { coerceError, GatewayError } from '../../errors/index.js';
import { type DecisionObserver, observerWrites } from '../../metrics/decision-observer.js';
import type { Logger } from '../../observability/index.js';
import type { PartyDirectory } from '../../parties/index.js';
import type { RegisterDecision, RegisterSnapshot } from '../../register/index.js';
import { answerMessage, type DeclaratieTotals, retourTypeFor } from '../../retour/index.js';
import type { AtomicWrite, MessageRecord, MessageResult, MessageStore } from '../../store/index.js';
import type { DecisionRecord } from '../../validation/decision-record.js';
import { decisionRecordOf } from '../../validation/decision-record-of.js';
import type { ValidationOutcome } from '../../validation/outcome.js';
import {
  type CheckedMessage,
  continueValidation,
  type Pipeline,
  validateMessage,
} from '../../validation/pipeline.js';
import type { InboundJobName, ProcessMessageData, ProcessMessageResult } from '../jobs.js';

export interface MessageProcessorDeps<M extends CheckedMessage> {
  readonly store: MessageStore;
  readonly pipeline: Pipeline<M>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Reads DeclaratieNummer and TotaalIngediendBedrag from a parsed WMO323. */
  readonly declaratieTotals: (message: M) => DeclaratieTotals | undefined;
  /** Which parties the gateway answers for, and where messages go. */
  readonly parties: PartyDirectory;
  readonly deliveries: DeliveryStore;
  readonly deliveryQueue: DeliveryQueue;
  readonly deliveryRetry: DeliveryRetryPolicy;
  /** Search index, counters, deadlines: their writes join the decision's atomic step. */
  readonly observers?: readonly DecisionObserver[];
  /**
   * The register of accepted traffic: with it, answered messages are judged on level 3 and a
   * decision updates the register in its own atomic step (docs/operations.md "Register").
   */
  readonly register?: MessageRegister<M>;
}

/** What the processor needs from the register (RedisRegister implements it). */
export interface MessageRegister<M> {
  load(message: M): Promise<RegisterSnapshot>;
  plan(message: M, snapshot: RegisterSnapshot, decision: RegisterDecision): AtomicWrite[];
}

/**
 * Decisions retried at once when another worker changed the register data this one read
 * (optimistic concurrency); after that the job is retried with backoff.
 */
const REGISTER_ROUNDS = 5;

/** Highest control level of a message the gateway only checks and forwards (pre-flight). */
const PRE_FLIGHT_LEVEL = 2;

/**
 * From this body size on, the worker lets the event loop run between the stages of a decision
 * (levels 3–4, decision record, retour, register writes, the atomic step). Each stage is
 * synchronous and linear in the message: for a declaration of 26,000 Prestaties (20 MB) one
 * takes up to about a second, all of them together several (docs/benchmarks.md). In between,
 * BullMQ renews the job locks (every JOB_LOCK_MS / 4) and the other jobs of this process go on,
 * so a large declaration never holds the loop for the sum of its stages. Small messages take a
 * millisecond and are left alone.
 */
const YIELD_ABOVE_BYTES = 1024 * 1024;

function yieldToEventLoop(): Promise<void> {
  return setImmediate();
}

function noPause(): Promise<void> {
  return Promise.resolve();
}

type ProcessJob = Job<ProcessMessageData, ProcessMessageResult, InboundJobName>;

const STUF055 = 'Berichtbody is niet conform schema in sectormodel';

/**
 * The queue adapter around the framework-free core: load → validate → answer → record. Safe to
 * re-run: a message that is already decided is left alone, and the decision is recorded in one
 * atomic step, so a worker killed at any point leaves either nothing or the whole decision.
 */
export function createMessageProcessor<M extends CheckedMessage>(deps: MessageProcessorDeps<M>) {
  return async function processMessage(job: ProcessJob): Promise<ProcessMessageResult> {
    const { messageId, correlationId } = job.data;
    const attempt = job.attemptsMade + 1;
    const log = deps.logger.child({ correlationId, messageId, jobId: job.id, stage: 'process' });
    try {
      const record = await deps.store.get(messageId);
      if (record === undefined) {
        throw new GatewayError('GW_ERR_STORE_MESSAGE_MISSING', { details: { messageId } });
      }
      const startedAt = deps.clock();
      if (!(await deps.store.startProcessing(messageId, attempt, startedAt))) {
        log.info({ status: record.status }, 'message already decided');
        return { status: record.status, alreadyDecided: true };
      }
      const body = await deps.store.getBody(messageId);
      // The gateway answers heen messages addressed to its local parties; everything else it
      // checks on levels 1 and 2 and forwards.
      const answering =
        isHeenMessageType(record.messageType) && deps.parties.isLocal(record.receiver);
      const { result, changed, deliveries } = await decideAndRecord(
        deps,
        { record, body, answering, startedAt },
        log,
      );
      if (changed) {
        await queueDeliveries(
          deps,
          deliveries.map((d) => d.id),
          correlationId,
          log,
        );
      }
      log.info(
        {
          messageType: record.messageType,
          status: result.status,
          controlLevel: result.status === 'failed' ? undefined : result.controlLevel,
          ruleIds: result.status === 'failed' ? undefined : result.violations.map((v) => v.ruleId),
          retourCodes: result.status === 'failed' ? undefined : result.retour?.codes,
        },
        changed ? 'message decided' : 'message was decided by another run',
      );
      return { status: result.status, alreadyDecided: !changed };
    } catch (caught) {
      const error = coerceError(caught);
      const finalAttempt = attempt >= (job.opts.attempts ?? 1);
      const retryable = !(error instanceof GatewayError) || error.retryable;
      if (!retryable || finalAttempt) {
        await recordFailure(deps, messageId, error, attempt);
        log.error({ err: error, attempt }, 'message failed');
        throw retryable ? error : new UnrecoverableError(error.message);
      }
      log.warn({ err: error, attempt }, 'processing failed, will retry');
      await deps.store.addEvent(
        messageId,
        'retry',
        { attempt, reason: error.message },
        deps.clock(),
      );
      throw error;
    }
  };
}

interface Decidable {
  readonly record: MessageRecord;
  readonly body: Uint8Array;
  readonly answering: boolean;
  readonly startedAt: Date;
}

/**
 * Validates, answers and records one message. With a register, level 3 reads the register,
 * decides and writes back in one guarded atomic step; when another worker changed what was read
 * in between (a conflict), it reads and decides again (docs/operations.md "Register").
 */
async function decideAndRecord<M extends CheckedMessage>(
  deps: MessageProcessorDeps<M>,
  { record, body, answering, startedAt }: Decidable,
  log: Logger,
): Promise<{
  result: MessageResult;
  changed: boolean;
  deliveries: ReturnType<typeof planDeliveries>;
}> {
  const messageId = record.id;
  const validationStart = performance.now();
  // The register records what this gateway's own parties decide and report: the messages it
  // answers (judged on level 3 here) and the heen messages its local parties send out, which it
  // forwards after levels 1–2 (their receiver judges level 3). A forwarded WMO323 is left out:
  // only its WMO325 tells which Prestaties were granted (docs/operations.md "Register").
  const recordsForwarded =
    !answering &&
    isHeenMessageType(record.messageType) &&
    record.messageType !== 'WMO323' &&
    deps.parties.isLocal(record.sender);
  const register = answering || recordsForwarded ? deps.register : undefined;
  const pause = body.byteLength >= YIELD_ABOVE_BYTES ? yieldToEventLoop : noPause;
  const inMessage = runPipeline(deps.pipeline, record.messageType, body, answering, register);
  for (let round = 1; ; round += 1) {
    const snapshot =
      register !== undefined && inMessage.kind === 'accepted'
        ? await register.load(inMessage.message)
        : undefined;
    await pause();
    const outcome =
      snapshot === undefined || !answering
        ? inMessage
        : runCrossMessage(deps.pipeline, inMessage, snapshot);
    await pause();
    const decisionRecord =
      snapshot === undefined || !answering
        ? undefined
        : recordOf(deps.pipeline, outcome, snapshot, deps.clock);
    await pause();
    const result = await decide(deps, record.messageType, outcome, answering, body, decisionRecord);
    await pause();
    const validationMs = performance.now() - validationStart;
    const deliveries =
      result.status === 'failed' || (result.controlLevel === 1 && answering)
        ? []
        : planDeliveries(decidedMessage(record, result, answering), deps.parties);
    const now = deps.clock();
    const registerWrites =
      snapshot === undefined ||
      register === undefined ||
      (outcome.kind === 'rejected' && outcome.stage === 'xsd')
        ? []
        : register.plan(outcome.message, snapshot, {
            messageId,
            violations: outcome.kind === 'rejected' ? outcome.violations : [],
          });
    await pause();
    const finished = await deps.store.finishGuarded(
      messageId,
      result,
      now,
      [
        ...deps.deliveries.creationWrites(deliveries, now),
        ...observerWrites(deps.observers, {
          record,
          result,
          body,
          answering,
          now,
          startedAt,
          validationMs,
        }),
        ...registerWrites,
      ],
      snapshot?.guards ?? [],
    );
    if (finished !== 'conflict') {
      return { result, changed: finished === 'decided', deliveries };
    }
    if (round >= REGISTER_ROUNDS) {
      throw new GatewayError('GW_ERR_REGISTER_CONFLICT', { details: { rounds: round } });
    }
    log.debug({ round }, 'register changed while deciding; deciding again');
  }
}

function runPipeline<M extends CheckedMessage>(
  pipeline: Pipeline<M>,
  type: CheckedMessage['type'],
  body: Uint8Array,
  answering: boolean,
  register: MessageRegister<M> | undefined,
): ValidationOutcome<M> {
  try {
    // Levels 1 and 2 first; level 3 follows once the register view is loaded.
    const maxLevel = !answering || register !== undefined ? PRE_FLIGHT_LEVEL : undefined;
    return validateMessage(pipeline, type, body, maxLevel === undefined ? {} : { maxLevel });
  } catch (caught) {
    throw ruleCrash(caught);
  }
}

function runCrossMessage<M extends CheckedMessage>(
  pipeline: Pipeline<M>,
  outcome: ValidationOutcome<M>,
  snapshot: RegisterSnapshot,
): ValidationOutcome<M> {
  try {
    return continueValidation(pipeline, outcome, { context: { register: snapshot.view } });
  } catch (caught) {
    throw ruleCrash(caught);
  }
}

/** The decision record of an answered WMO323 judged on level 3 or 4 (issue #5), else undefined. */
function recordOf<M extends CheckedMessage>(
  pipeline: Pipeline<M>,
  outcome: ValidationOutcome<M>,
  snapshot: RegisterSnapshot,
  clock: Clock,
): DecisionRecord | undefined {
  try {
    return decisionRecordOf(pipeline, outcome, snapshot.view, () => dutchCalendarDate(clock()));
  } catch (caught) {
    throw ruleCrash(caught);
  }
}

function ruleCrash(caught: unknown): GatewayError {
  // A rule or parser that throws is a bug; it must never become a rejection (STYLE §C11).
  return new GatewayError('GW_ERR_WORKER_RULE_CRASH', {
    message: `validation crashed: ${coerceError(caught).message}`,
    cause: caught,
  });
}

async function decide<M extends CheckedMessage>(
  deps: MessageProcessorDeps<M>,
  type: CheckedMessage['type'],
  outcome: ValidationOutcome<M>,
  answering: boolean,
  body: Uint8Array,
  decisionRecord: DecisionRecord | undefined,
): Promise<MessageResult> {
  if (outcome.kind === 'rejected' && outcome.stage === 'xsd') {
    return {
      status: 'rejected',
      controlLevel: 1,
      violations: [],
      transportError: { code: 'StUF055', description: STUF055, issues: outcome.issues },
    };
  }
  const retourType = answering ? retourTypeFor(type) : undefined;
  const status = outcome.kind;
  if (retourType === undefined) {
    return { status, controlLevel: outcome.controlLevel, violations: violationsOf(outcome) };
  }
  const header = outcome.message.header;
  const retourId = await deps.store.nextRetourId(retourType, header.Ontvanger);
  const declaratie = type === 'WMO323' ? deps.declaratieTotals(outcome.message) : undefined;
  // A level-3 rejection copies the message's classes into the retour (fact sheet §7.1).
  // (A WMO323 is answered per Prestatie from the parsed message, not by copying: never decoded.)
  const copiesBody = outcome.kind === 'rejected' && outcome.controlLevel >= 3 && type !== 'WMO323';
  const retour = answerMessage(type, outcome, {
    retourId,
    retourDate: dutchCalendarDate(deps.clock()),
    ...(declaratie ? { declaratie } : {}),
    ...(copiesBody ? { heenXml: new TextDecoder('utf-8').decode(body) } : {}),
  });
  return {
    // A declaration judged per Prestatie is processed (accepted) even when Prestaties are
    // refused; it is rejected only as a whole (docs/api.md "Status of a WMO323").
    status: retour?.declaratie?.processed === true ? 'accepted' : status,
    controlLevel: outcome.controlLevel,
    violations: violationsOf(outcome),
    ...(retour ? { retour } : {}),
    ...(decisionRecord === undefined ? {} : { decisionRecord }),
  };
}

function violationsOf(outcome: ValidationOutcome<CheckedMessage>) {
  return outcome.kind === 'rejected' && outcome.stage === 'rules' ? outcome.violations : [];
}

function decidedMessage(record: MessageRecord, result: MessageResult, answered: boolean) {
  if (result.status === 'failed') {
    throw new Error('a failed message has no deliveries');
  }
  return {
    id: record.id,
    messageType: record.messageType,
    sender: record.sender,
    receiver: record.receiver,
    berichtIdentificatie: record.berichtIdentificatie,
    status: result.status,
    answered,
    ...(result.retour ? { retour: { type: result.retour.type, id: result.retour.id } } : {}),
  };
}

/** Queues the deliveries of a decided message; the reconciler catches any that fail here. */
async function queueDeliveries<M extends CheckedMessage>(
  deps: MessageProcessorDeps<M>,
  ids: readonly string[],
  correlationId: string,
  log: Logger,
): Promise<void> {
  for (const deliveryId of ids) {
    try {
      await enqueueDelivery(deps.deliveryQueue, { deliveryId, correlationId }, deps.deliveryRetry);
    } catch (caught) {
      log.warn({ err: coerceError(caught), deliveryId }, 'delivery not queued yet');
    }
  }
}

async function recordFailure<M extends CheckedMessage>(
  deps: MessageProcessorDeps<M>,
  messageId: string,
  error: Error,
  attempt: number,
): Promise<void> {
  try {
    const result: MessageResult = {
      status: 'failed',
      failureReason: `${error.message} (attempt ${attempt})`,
    };
    const now = deps.clock();
    const record = deps.observers === undefined ? undefined : await deps.store.get(messageId);
    const writes =
      record === undefined
        ? []
        : observerWrites(deps.observers, {
            record,
            result,
            body: undefined,
            answering:
              isHeenMessageType(record.messageType) && deps.parties.isLocal(record.receiver),
            now,
            startedAt: now,
            validationMs: undefined,
          });
    await deps.store.finish(messageId, result, now, writes);
  } catch (caught) {
    deps.logger.error({ err: coerceError(caught), messageId }, 'could not record the failure');
  }
}
