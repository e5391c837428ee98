import type { MessageType } from '../domain/message-types.js';
import type { MessageHeader } from '../model/header.js';
import type { ValidationOutcome } from './outcome.js';
import type { Violation } from './violation.js';
import type { XsdValidator } from './xsd/xsd-validator.js';

/** A message after level 1: the parsed form the rule stages work on. */
export interface CheckedMessage {
  readonly type: MessageType;
  readonly header: MessageHeader;
}

/** One rule stage: a control level and a pure check over the parsed message. */
export interface RuleStage<M extends CheckedMessage> {
  readonly level: number;
  readonly name: string;
  check(message: M): readonly Violation[];
}

export interface Pipeline<M extends CheckedMessage> {
  readonly xsd: XsdValidator;
  /** Turns an XSD-valid message into the typed model. */
  readonly parse: (type: MessageType, xml: string) => M;
  /** Rule stages in order (level 2, then 3, then 4); the first stage with violations decides. */
  readonly stages: readonly RuleStage<M>[];
}

export interface ValidateOptions {
  /**
   * Highest control level to check. A message the gateway only forwards is checked on levels 1
   * and 2 (a pre-flight check); levels 3 and 4 belong to the receiver that holds the history.
   */
  readonly maxLevel?: number;
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
  let controlLevel = 1;
  const maxLevel = options.maxLevel ?? Number.POSITIVE_INFINITY;
  for (const stage of pipeline.stages) {
    if (stage.level > maxLevel) {
      break;
    }
    controlLevel = stage.level;
    const violations = stage.check(message);
    if (violations.length > 0) {
      return { kind: 'rejected', stage: 'rules', controlLevel, message, violations };
    }
  }
  return { kind: 'accepted', controlLevel, message };
}
