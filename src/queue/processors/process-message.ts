import { type Job, UnrecoverableError } from 'bullmq';

import { type Clock, dutchCalendarDate } from '../../clock/calendar-date.js';
import { coerceError, GatewayError } from '../../errors/index.js';
import type { Logger } from '../../observability/index.js';
import { answerMessage, type DeclaratieTotals, retourTypeFor } from '../../retour/index.js';
import type { MessageResult, MessageStore } from '../../store/index.js';
import type { ValidationOutcome } from '../../validation/outcome.js';
import { type CheckedMessage, type Pipeline, validateMessage } from '../../validation/pipeline.js';
import type { InboundJobName, ProcessMessageData, ProcessMessageResult } from '../jobs.js';

export interface MessageProcessorDeps<M extends CheckedMessage> {
  readonly store: MessageStore;
  readonly pipeline: Pipeline<M>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Reads DeclaratieNummer and TotaalIngediendBedrag from a parsed WMO323. */
  readonly declaratieTotals: (message: M) => DeclaratieTotals | undefined;
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
      if (!(await deps.store.startProcessing(messageId, attempt, deps.clock()))) {
        log.info({ status: record.status }, 'message already decided');
        return { status: record.status, alreadyDecided: true };
      }
      const body = await deps.store.getBody(messageId);
      const outcome = runPipeline(deps.pipeline, record.messageType, body);
      const result = await decide(deps, record.messageType, outcome);
      const changed = await deps.store.finish(messageId, result, deps.clock());
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

function runPipeline<M extends CheckedMessage>(
  pipeline: Pipeline<M>,
  type: CheckedMessage['type'],
  body: Uint8Array,
): ValidationOutcome<M> {
  try {
    return validateMessage(pipeline, type, body);
  } catch (caught) {
    // A rule or parser that throws is a bug; it must never become a rejection (STYLE §C11).
    throw new GatewayError('GW_ERR_WORKER_RULE_CRASH', {
      message: `validation crashed: ${coerceError(caught).message}`,
      cause: caught,
    });
  }
}

async function decide<M extends CheckedMessage>(
  deps: MessageProcessorDeps<M>,
  type: CheckedMessage['type'],
  outcome: ValidationOutcome<M>,
): Promise<MessageResult> {
  if (outcome.kind === 'rejected' && outcome.stage === 'xsd') {
    return {
      status: 'rejected',
      controlLevel: 1,
      violations: [],
      transportError: { code: 'StUF055', description: STUF055, issues: outcome.issues },
    };
  }
  const retourType = retourTypeFor(type);
  const status = outcome.kind;
  if (retourType === undefined) {
    return { status, controlLevel: outcome.controlLevel, violations: violationsOf(outcome) };
  }
  const header = outcome.message.header;
  const retourId = await deps.store.nextRetourId(retourType, header.Ontvanger);
  const declaratie = type === 'WMO323' ? deps.declaratieTotals(outcome.message) : undefined;
  const retour = answerMessage(type, outcome, {
    retourId,
    retourDate: dutchCalendarDate(deps.clock()),
    ...(declaratie ? { declaratie } : {}),
  });
  return {
    status,
    controlLevel: outcome.controlLevel,
    violations: violationsOf(outcome),
    ...(retour ? { retour } : {}),
  };
}

function violationsOf(outcome: ValidationOutcome<CheckedMessage>) {
  return outcome.kind === 'rejected' && outcome.stage === 'rules' ? outcome.violations : [];
}

async function recordFailure<M extends CheckedMessage>(
  deps: MessageProcessorDeps<M>,
  messageId: string,
  error: Error,
  attempt: number,
): Promise<void> {
  try {
    await deps.store.finish(
      messageId,
      { status: 'failed', failureReason: `${error.message} (attempt ${attempt})` },
      deps.clock(),
    );
  } catch (caught) {
    deps.logger.error({ err: coerceError(caught), messageId }, 'could not record the failure');
  }
}
