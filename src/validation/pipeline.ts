import type { MessageType } from '../domain/message-types.js';
import type { RegisterView } from '../domain/register/index.js';
import type { MessageHeader } from '../model/header.js';
import type { ValidationOutcome } from './outcome.js';
import type { Violation } from './violation.js';
import type { XsdValidator } from './xsd/xsd-validator.js';

/** A message after level 1: the parsed form the rule stages work on. */
export interface CheckedMessage {
  readonly type: MessageType;
  readonly header: MessageHeader;
}

/**
 * What a stage may read besides the message, loaded by the caller before validation (the core
 * does no I/O, STYLE §C11): for level 3 the register view of the message.
 */
export interface StageContext {
  readonly register?: RegisterView;
}

/** One rule stage: a control level and a pure check over the parsed message and its context. */
export interface RuleStage<M extends CheckedMessage> {
  readonly level: number;
  readonly name: string;
  check(message: M, context: StageContext): readonly Violation[];
}

export interface Pipeline<M extends CheckedMessage> {
  readonly xsd: XsdValidator;
  /** Turns an XSD-valid message into the typed model. */
  readonly parse: (type: MessageType, xml: string) => M;
  /** Rule stages in order (level 2, then 3, then 4); the first stage with violations decides. */
  readonly stages: readonly RuleStage<M>[];
  /**
   * Messages judged line by line (a WMO323, per Prestatie): from level 3 on, a stage with
   * violations does not stop the later stages, so that every line is judged on every level and
   * the violations of all of them are collected. Level 2 still rejects the whole message.
   */
  readonly judgedPerLine?: (message: M) => boolean;
}

export interface ValidateOptions {
  /**
   * Highest control level to check. A message the gateway only forwards is checked on levels 1
   * and 2 (a pre-flight check); levels 3 and 4 belong to the receiver that holds the history.
   */
  readonly maxLevel?: number;
  /** Context for the stages (level 3 needs `register`). */
  readonly context?: StageContext;
}

const decoder = new TextDecoder('utf-8');

/**
 * Validates a message level by level (STYLE §A2): XSD → in-message rules → … A schema failure
 * short-circuits: no rule ever runs on a schema-invalid document (IV032).
 */
export function validateMessage<M extends CheckedMessage>(
  pipeline: Pipeline<M>,
  type: MessageType,
  body: Uint8Array,
  options: ValidateOptions = {},
): ValidationOutcome<M> {
  const xsd = pipeline.xsd.validate(type, body);
  if (!xsd.valid) {
    return {
      kind: 'rejected',
      stage: 'xsd',
      controlLevel: 1,
      wellFormed: xsd.wellFormed,
      issues: xsd.issues,
    };
  }
  const message = pipeline.parse(type, decoder.decode(body));
  return runStages(pipeline, message, 1, options);
}

/**
 * Continues an accepted outcome with the stages above the level it reached, e.g. level 3 once
 * the worker has loaded the register view (`options.context.register`). A rejected outcome is
 * returned as it is. Pure and synchronous like every stage.
 */
export function continueValidation<M extends CheckedMessage>(
  pipeline: Pipeline<M>,
  outcome: ValidationOutcome<M>,
  options: ValidateOptions = {},
): ValidationOutcome<M> {
  if (outcome.kind !== 'accepted') {
    return outcome;
  }
  return runStages(pipeline, outcome.message, outcome.controlLevel, options);
}

function runStages<M extends CheckedMessage>(
  pipeline: Pipeline<M>,
  message: M,
  reached: number,
  options: ValidateOptions,
): ValidationOutcome<M> {
  let controlLevel = reached;
  const maxLevel = options.maxLevel ?? Number.POSITIVE_INFINITY;
  const context = options.context ?? {};
  const perLine = pipeline.judgedPerLine?.(message) === true;
  const collected: Violation[] = [];
  for (const stage of pipeline.stages) {
    if (stage.level <= reached) {
      continue;
    }
    if (stage.level > maxLevel) {
      break;
    }
    controlLevel = stage.level;
    const violations = stage.check(message, context);
    if (violations.length > 0) {
      if (!perLine || stage.level < 3) {
        return { kind: 'rejected', stage: 'rules', controlLevel, message, violations };
      }
      collected.push(...violations);
    }
  }
  return collected.length > 0
    ? { kind: 'rejected', stage: 'rules', controlLevel, message, violations: collected }
    : { kind: 'accepted', controlLevel, message };
}
