import type { Wmo323Declaratie, Wmo323Prestatie } from '../model/index.js';
import type { Violation } from '../validation/violation.js';
import type { SignedTotal } from './build-declaratie-antwoord.js';
import { isHeaderViolation } from './retour-classes.js';

/**
 * How a WMO323 is answered after its level-3 rules (fact sheet §7.2, IV087, OP303, OP304): the
 * declaration is judged per Prestatie. An error in the Header or in class Declaratie refuses the
 * whole declaration; an error in a Client refuses all its Prestaties (they are returned with
 * 0233); an error in a Prestatie refuses that Prestatie. Everything else is granted.
 */
export interface DeclaratieJudgement {
  /** Codes of Header errors (e.g. 9056): the WMO325 is header-only. */
  readonly headerCodes: readonly string[];
  /** Codes of errors in class Declaratie (e.g. 9333, 8214): nothing is granted. */
  readonly declaratieCodes: readonly string[];
  /** Codes per Client position (1-based). */
  readonly clientCodes: ReadonlyMap<number, readonly string[]>;
  /** Codes per Prestatie, keyed `${clientPosition}/${prestatiePosition}`. */
  readonly prestatieCodes: ReadonlyMap<string, readonly string[]>;
  /** The declaration was processed Prestatie by Prestatie (no Header or Declaratie error). */
  readonly processed: boolean;
  /** Σ signed IngediendBedrag of the granted Prestaties (D positive, C negative). */
  readonly toegekend: number;
  /** Number of granted and refused Prestaties (0 and all when not processed). */
  readonly granted: number;
  readonly refused: number;
}

const CLIENT_STEP =
  /^\/Bericht\/Declaratie\/Clienten\/Client(?:\[(\d+)\])?(\/Prestaties\/Prestatie(?:\[(\d+)\])?)?/;

export function prestatieKey(clientPosition: number, prestatiePosition: number): string {
  return `${clientPosition}/${prestatiePosition}`;
}

/**
 * Where a violation of a WMO323 falls (fact sheet §7.2): the Header, class Declaratie (anywhere
 * outside a Client), one Client or one Prestatie, with 1-based positions. Shared by the WMO325,
 * the decision record and the dry run's findings.
 */
export type DeclaratieScope =
  | { readonly kind: 'header' }
  | { readonly kind: 'declaratie' }
  | { readonly kind: 'client'; readonly client: number }
  | { readonly kind: 'prestatie'; readonly client: number; readonly prestatie: number };

const HEADER_SCOPE: DeclaratieScope = { kind: 'header' };
const DECLARATIE_SCOPE: DeclaratieScope = { kind: 'declaratie' };

export function declaratieScopeOf(violation: Violation): DeclaratieScope {
  if (isHeaderViolation(violation)) {
    return HEADER_SCOPE;
  }
  const match = CLIENT_STEP.exec(violation.location);
  if (match === null) {
    return DECLARATIE_SCOPE;
  }
  const client = Number(match[1] ?? 1);
  return match[2] === undefined
    ? { kind: 'client', client }
    : { kind: 'prestatie', client, prestatie: Number(match[3] ?? 1) };
}

function add<K>(map: Map<K, string[]>, key: K, code: string): void {
  const codes = map.get(key) ?? [];
  if (!codes.includes(code)) {
    codes.push(code);
  }
  map.set(key, codes);
}

export function signedBedrag(prestatie: Wmo323Prestatie<'heen' | 'retour'>): number {
  const { Bedrag, DebetCredit } = prestatie.IngediendBedrag;
  return DebetCredit === 'C' ? -Bedrag : Bedrag;
}

/** A signed amount as CDT_TotaalBedragMetDC; zero is D (CS325). */
export function toSignedTotal(amount: number): SignedTotal {
  return { TotaalBedrag: Math.abs(amount), DebetCredit: amount < 0 ? 'C' : 'D' };
}

export function judgeDeclaratie(
  declaratie: Wmo323Declaratie,
  violations: readonly Violation[],
): DeclaratieJudgement {
  const headerCodes: string[] = [];
  const declaratieCodes: string[] = [];
  const clientCodes = new Map<number, string[]>();
  const prestatieCodes = new Map<string, string[]>();
  for (const violation of violations) {
    const scope = declaratieScopeOf(violation);
    if (scope.kind === 'header') {
      if (!headerCodes.includes(violation.retourCode)) {
        headerCodes.push(violation.retourCode);
      }
    } else if (scope.kind === 'declaratie') {
      if (!declaratieCodes.includes(violation.retourCode)) {
        declaratieCodes.push(violation.retourCode);
      }
    } else if (scope.kind === 'client') {
      add(clientCodes, scope.client, violation.retourCode);
    } else {
      add(prestatieCodes, prestatieKey(scope.client, scope.prestatie), violation.retourCode);
    }
  }
  const processed = headerCodes.length === 0 && declaratieCodes.length === 0;
  let toegekend = 0;
  let granted = 0;
  let refused = 0;
  for (const client of declaratie.Clienten) {
    const clientRefused = clientCodes.has(client.position);
    for (const prestatie of client.Prestaties) {
      if (
        processed &&
        !clientRefused &&
        !prestatieCodes.has(prestatieKey(client.position, prestatie.position))
      ) {
        toegekend += signedBedrag(prestatie);
        granted += 1;
      } else {
        refused += 1;
      }
    }
  }
  return {
    headerCodes,
    declaratieCodes,
    clientCodes,
    prestatieCodes,
    processed,
    toegekend,
    granted,
    refused,
  };
}

/** Whether the judgement grants this Prestatie (it enters the register). */
export function isGranted(
  judgement: DeclaratieJudgement,
  clientPosition: number,
  prestatiePosition: number,
): boolean {
  return (
    judgement.processed &&
    !judgement.clientCodes.has(clientPosition) &&
    !judgement.prestatieCodes.has(prestatieKey(clientPosition, prestatiePosition))
  );
}
