import type { ParsedMessage } from '../src/model/index.js';
import type { Violation } from '../src/validation/violation.js';
import type { RegionMonth } from './generate-region-month.js';

/** What the gateway decided on one Prestatie: the rules that refused it (none: granted). */
export interface PrestatieOutcome {
  readonly aanbieder: string;
  readonly referentie: string;
  readonly rules: readonly string[];
}

const PRESTATIE = /\/Client(?:\[(\d+)\])?\/Prestaties\/Prestatie(?:\[(\d+)\])?/;

/**
 * The outcome of every Prestatie of a judged WMO323, from the violations of its decision: a
 * violation located in a Prestatie (`…/Client[i]/Prestaties/Prestatie[j]/…`, positions only
 * where siblings exist) refuses that Prestatie. A violation outside every Prestatie (a
 * declaration rejected as a whole) refuses them all.
 */
export function prestatieOutcomes(
  message: ParsedMessage<'WMO323'>,
  violations: readonly Violation[],
): PrestatieOutcome[] {
  const clienten = message.Declaratie.Clienten;
  const byLine = new Map<string, Set<string>>();
  const whole = new Set<string>();
  for (const violation of violations) {
    const match = PRESTATIE.exec(violation.location);
    if (match === null) {
      whole.add(violation.ruleId);
      continue;
    }
    const key = `${match[1] ?? '1'}|${match[2] ?? '1'}`;
    byLine.set(key, (byLine.get(key) ?? new Set()).add(violation.ruleId));
  }
  const aanbieder = message.header.Afzender;
  return clienten.flatMap((client, c) =>
    client.Prestaties.map((prestatie, p) => ({
      aanbieder,
      referentie: prestatie.ProductReferentie.ReferentieNummer,
      rules: [...new Set([...whole, ...(byLine.get(`${c + 1}|${p + 1}`) ?? [])])].sort(),
    })),
  );
}

export interface Comparison {
  readonly granted: number;
  readonly refused: number;
  /** One line per Prestatie whose outcome differs from the generator's expectation. */
  readonly mismatches: readonly string[];
}

/** Compares the gateway's outcomes with what the generator expects of every Prestatie. */
export function compareWithExpectation(
  month: RegionMonth,
  outcomes: readonly PrestatieOutcome[],
): Comparison {
  const mismatches: string[] = [];
  const seen = new Set<string>();
  let refused = 0;
  for (const outcome of outcomes) {
    const key = `${outcome.aanbieder}|${outcome.referentie}`;
    seen.add(key);
    if (outcome.rules.length > 0) {
      refused += 1;
    }
    const expected = month.prestaties.get(key);
    const want = [...(expected?.rules ?? [])].sort().join(',');
    const got = outcome.rules.join(',');
    if (expected === undefined || want !== got) {
      mismatches.push(
        `${key} ${expected?.kind ?? '?'} ${expected?.code ?? ''}${expected?.fault === undefined ? '' : ` (${expected.fault})`}: expected [${want}], got [${got}]`,
      );
    }
  }
  for (const key of month.prestaties.keys()) {
    if (!seen.has(key)) {
      mismatches.push(`${key}: never judged`);
    }
  }
  return { granted: outcomes.length - refused, refused, mismatches };
}
