import type { CheckedMessage } from './pipeline.js';
import type { Violation } from './violation.js';
import type { XsdIssue } from './xsd/xsd-validator.js';

/**
 * The result of validating one message (STYLE §D16): a value, never an exception. Callers switch
 * over `kind` (and `stage`) exhaustively.
 */
export type ValidationOutcome<M extends CheckedMessage = CheckedMessage> =
  | {
      readonly kind: 'accepted';
      /** Highest control level that ran. */
      readonly controlLevel: number;
      readonly message: M;
    }
  | {
      readonly kind: 'rejected';
      readonly stage: 'xsd';
      readonly controlLevel: 1;
      readonly wellFormed: boolean;
      readonly issues: readonly XsdIssue[];
    }
  | {
      readonly kind: 'rejected';
      readonly stage: 'rules';
      /** The level of the rules that rejected the message (2 for in-message rules). */
      readonly controlLevel: number;
      readonly message: M;
      readonly violations: readonly Violation[];
    };
