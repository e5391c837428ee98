import type { MessageType } from '../domain/message-types.js';
import type { SignedTotal } from './build-declaratie-antwoord.js';

/** What a WMO325 needs from the declaration besides its header. */
export interface DeclaratieTotals {
  readonly DeclaratieNummer: string;
  readonly TotaalIngediendBedrag: SignedTotal;
}

/** A retour (or WMO325) built for a heen message. */
export interface RetourDocument {
  readonly type: MessageType;
  readonly id: string;
  /** Header codes, followed by the other codes in the body (without 0200 and 0233). */
  readonly codes: readonly string[];
  readonly xml: string;
  /** For a WMO323 judged on level 3: how the declaration was answered. */
  readonly declaratie?: DeclaratieOutcome;
}

/** The outcome of a WMO323 judged per Prestatie (fact sheet §7.2). */
export interface DeclaratieOutcome {
  /** Processed per Prestatie (no error in the Header or in class Declaratie). */
  readonly processed: boolean;
  readonly granted: number;
  readonly refused: number;
  /** TotaalToegekendBedrag as a signed amount in eurocents. */
  readonly toegekend: number;
}

/** What answering a message needs besides its outcome. */
export interface AnswerContext {
  readonly retourId: string;
  readonly retourDate: string;
  /** Required to answer an accepted WMO323. */
  readonly declaratie?: DeclaratieTotals;
  /**
   * The heen message as text; required to answer a level-3 rejection, whose retour copies the
   * message's classes unchanged (fact sheet §7.1).
   */
  readonly heenXml?: string;
}
