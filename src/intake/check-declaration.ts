import { setImmediate } from 'node:timers/promises';

import { dutchCalendarDate } from '../clock/calendar-date.js';
import type { RegisterView } from '../domain/register/index.js';
import { GatewayError } from '../errors/index.js';
import type { ParsedMessage } from '../model/index.js';
import { answerMessage, declaratieScopeOf } from '../retour/index.js';
import type { TransportError } from '../store/index.js';
import type { DecisionRecord } from '../validation/decision-record.js';
import { decisionRecordOf } from '../validation/decision-record-of.js';
import { declaratieTotalsOf } from '../validation/default-pipeline.js';
import { explain } from '../validation/explanations.js';
import type { ValidationOutcome } from '../validation/outcome.js';
import { continueValidation, type Pipeline, validateMessage } from '../validation/pipeline.js';
import type { Violation } from '../validation/violation.js';

/**
 * What the dry run of a declaration needs (POST /v1/declarations/check, docs/api.md): the
 * pipeline the workers judge with (levels 1–4) and a read-only way to load a message's register
 * view. Nothing else: no store, no queue, no register writes, no metrics or search.
 */
export interface DeclarationCheckDeps {
  readonly pipeline: Pipeline<ParsedMessage>;
  /**
   * The largest body the route takes (DRY_RUN_MAX_BYTES): the check runs on the intake's event
   * loop, linear in the declaration. @defaultValue no limit but the intake's own
   */
  readonly maxBytes?: number;
  readonly register: {
    load(message: ParsedMessage): Promise<{ readonly view: RegisterView }>;
  };
}

/**
 * The IdentificatieRetour of a dry-run WMO325: 12 characters (LDT_IdentificatieBericht), never
 * one of the real retour sequence (`R` + 11 digits), so a dry-run answer cannot be mistaken for
 * a real one and no number is used up.
 */
export const DRY_RUN_RETOUR_ID = 'DRYRUN-CHECK';

/** One refusal of the dry run, in the supplier's words. */
export interface Finding {
  readonly location: string;
  /** The ReferentieNummer of the Prestatie the finding is about; null above a Prestatie. */
  readonly referentieNummer: string | null;
  readonly ruleId: string;
  readonly retourCode: string;
  readonly level: number;
  /** What is wrong and what to do, in Dutch and in English (src/validation/explanations.ts). */
  readonly nl: string;
  readonly en: string;
  readonly detail?: string;
}

/** The answer of the dry run: what the worker would decide and answer. */
export interface DeclarationCheck {
  /** `accepted`: processed (8001 or 0200), `rejected`: the declaration counts as not sent. */
  readonly outcome: 'accepted' | 'rejected';
  readonly controlLevel: number;
  /** The WMO325's Header codes followed by the other codes in its body (as GET /v1/messages). */
  readonly retourCodes: readonly string[];
  readonly granted: number;
  readonly refused: number;
  /** TotaalToegekendBedrag as a signed amount in eurocents. */
  readonly toegekend: number;
  readonly wmo325: string;
  readonly findings: readonly Finding[];
  /** Null when the declaration was refused before level 3 (level 2 error). */
  readonly decisionRecord: DecisionRecord | null;
}

const STUF055 = 'Berichtbody is niet conform schema in sectormodel';

/**
 * Judges a WMO323 on levels 1–4 exactly as a worker would, against the register as it is now,
 * and builds the WMO325 it would answer with; stores and changes nothing. A level-1 failure
 * throws GW_ERR_INTAKE_SCHEMA_INVALID (422) with the schema errors, as a worker records them.
 */
export async function checkDeclaration(
  deps: DeclarationCheckDeps,
  body: Uint8Array,
  now: Date,
): Promise<DeclarationCheck> {
  const inMessage = validateMessage(deps.pipeline, 'WMO323', body, { maxLevel: 2 });
  if (inMessage.kind === 'rejected' && inMessage.stage === 'xsd') {
    const transportError: TransportError = {
      code: 'StUF055',
      description: STUF055,
      issues: inMessage.issues,
    };
    throw new GatewayError('GW_ERR_INTAKE_SCHEMA_INVALID', { details: { transportError } });
  }
  let view: RegisterView | undefined;
  let outcome: ValidationOutcome<ParsedMessage> = inMessage;
  if (inMessage.kind === 'accepted') {
    try {
      view = (await deps.register.load(inMessage.message)).view;
    } catch (caught) {
      throw new GatewayError('GW_ERR_INTAKE_REGISTER_UNAVAILABLE', { cause: caught });
    }
    // The check runs on the intake's event loop: between its stages other requests go on.
    await setImmediate();
    outcome = continueValidation(deps.pipeline, inMessage, { context: { register: view } });
    await setImmediate();
  }
  if (outcome.kind === 'rejected' && outcome.stage === 'xsd') {
    throw new Error('unreachable: level 1 was judged above');
  }
  const message = outcome.message;
  const totals = declaratieTotalsOf(message);
  // A WMO325 copies the refused Prestaties from the parsed message, never the heen text.
  const retour = answerMessage('WMO323', outcome, {
    retourId: DRY_RUN_RETOUR_ID,
    retourDate: dutchCalendarDate(now),
    ...(totals === undefined ? {} : { declaratie: totals }),
  });
  if (retour === undefined) {
    throw new Error('a WMO323 judged on level 2 or higher is always answered');
  }
  const violations = outcome.kind === 'rejected' ? outcome.violations : [];
  if (view !== undefined) {
    await setImmediate();
  }
  const decisionRecord =
    view === undefined
      ? undefined
      : decisionRecordOf(deps.pipeline, outcome, view, () => dutchCalendarDate(now));
  const prestaties = countPrestaties(message);
  const summary = retour.declaratie ?? {
    // Accepted as a whole, or refused on level 2 (then nothing is processed).
    processed: outcome.kind === 'accepted',
    granted: outcome.kind === 'accepted' ? prestaties : 0,
    refused: outcome.kind === 'accepted' ? 0 : prestaties,
    toegekend: outcome.kind === 'accepted' ? signedTotal(message) : 0,
  };
  return {
    outcome: summary.processed ? 'accepted' : 'rejected',
    controlLevel: outcome.controlLevel,
    retourCodes: retour.codes,
    granted: summary.granted,
    refused: summary.refused,
    toegekend: summary.toegekend,
    wmo325: retour.xml,
    findings: violations.map((violation) => findingOf(message, violation)),
    decisionRecord: decisionRecord ?? null,
  };
}

function findingOf(message: ParsedMessage, violation: Violation): Finding {
  const explanation = explain(violation.ruleId);
  return {
    location: violation.location,
    referentieNummer: referentieNummerAt(message, violation) ?? null,
    ruleId: violation.ruleId,
    retourCode: violation.retourCode,
    level: violation.level,
    // A rule without an explanation fails a unit test; the formal text is the fallback.
    nl: explanation?.nl ?? violation.detail ?? violation.ruleId,
    en: explanation?.en ?? violation.detail ?? violation.ruleId,
    ...(violation.detail === undefined ? {} : { detail: violation.detail }),
  };
}

function referentieNummerAt(message: ParsedMessage, violation: Violation): string | undefined {
  const scope = declaratieScopeOf(violation);
  if (scope.kind !== 'prestatie' || message.type !== 'WMO323') {
    return undefined;
  }
  const client = message.Declaratie.Clienten[scope.client - 1];
  return client?.Prestaties[scope.prestatie - 1]?.ProductReferentie.ReferentieNummer;
}

function countPrestaties(message: ParsedMessage): number {
  if (message.type !== 'WMO323') {
    return 0;
  }
  let count = 0;
  for (const client of message.Declaratie.Clienten) {
    count += client.Prestaties.length;
  }
  return count;
}

function signedTotal(message: ParsedMessage): number {
  if (message.type !== 'WMO323') {
    return 0;
  }
  const total = message.Declaratie.TotaalIngediendBedrag;
  return total.DebetCredit === 'C' ? -total.TotaalBedrag : total.TotaalBedrag;
}
