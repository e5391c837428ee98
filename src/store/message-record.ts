import type { MessageType } from '../domain/message-types.js';
import type { MessageStatus } from '../domain/status.js';
import type { StufHeen, StufUitgaand } from '../stuf/index.js';
import type { DecisionRecord } from '../validation/decision-record.js';
import type { Violation } from '../validation/violation.js';
import type { XsdIssue } from '../validation/xsd/xsd-validator.js';

/**
 * The transport-level error for a level-1 (XSD) failure: no retour exists, so the sender gets
 * what a gemeente would put in a StUF Fo01 with code StUF055 (fact sheet §8.1).
 */
export interface TransportError {
  readonly code: 'StUF055';
  readonly description: string;
  readonly issues: readonly XsdIssue[];
}

/** One entry of a message's timeline. */
export interface MessageEvent {
  readonly at: string;
  readonly event: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/**
 * How a message arrived over the StUF-GGk transport (docs/stuf.md): what its Di01 said and the
 * Bv03 the gateway answered with, so that the Du01 can be addressed later and a transport
 * duplicate gets the same Bv03.
 */
export interface StufTransport {
  readonly heen: StufHeen;
  /** SHA-256 (hex) of the payload: a reused referentienummer with other content is not a duplicate. */
  readonly payloadSha256: string;
  readonly bv03: StufUitgaand;
}

/** What the gateway knows about a message; never the body itself. */
export interface MessageRecord {
  readonly id: string;
  readonly messageType: MessageType;
  readonly status: MessageStatus;
  readonly sender: string | undefined;
  readonly receiver: string | undefined;
  readonly berichtIdentificatie: string | undefined;
  readonly dagtekening: string | undefined;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly sizeBytes: number;
  readonly correlationId: string;
  /** Highest control level the message was checked on (1 = XSD, 2 = in-message rules, …). */
  readonly controlLevel: number | undefined;
  readonly retourId: string | undefined;
  readonly retourType: MessageType | undefined;
  readonly retourCodes: readonly string[] | undefined;
  readonly violations: readonly Violation[] | undefined;
  readonly transportError: TransportError | undefined;
  readonly failureReason: string | undefined;
  readonly attempts: number;
  /** Present when the message arrived in a StUF-GGk Di01 (POST /v1/stuf/ggk0210). */
  readonly stuf?: StufTransport;
}

/** The result a worker records when it finishes a message. */
export type MessageResult =
  | {
      readonly status: 'accepted' | 'rejected';
      readonly controlLevel: number;
      readonly violations: readonly Violation[];
      readonly transportError?: TransportError;
      /** WMO323 answered on level 4: what each Prestatie was checked against (issue #5). */
      readonly decisionRecord?: DecisionRecord;
      readonly retour?: {
        readonly id: string;
        readonly type: MessageType;
        readonly codes: readonly string[];
        readonly xml: string;
      };
    }
  | { readonly status: 'failed'; readonly failureReason: string };
