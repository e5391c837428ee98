import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import {
  dateOfDayNumber,
  type DatePeriod,
  dayNumber,
  isCalendarDate,
  periodContains,
  periodsOverlap,
} from '../contract/calendar.js';
import { GatewayError } from '../errors/index.js';

const date = z.string().refine(isCalendarDate, 'a calendar date YYYY-MM-DD');
const gemeenteCode = z.string().regex(/^[0-9]{4}$/, 'a CBS gemeentecode has 4 digits');

const GEMEENTE_SCHEMA = z.strictObject({
  code: gemeenteCode,
  name: z.string().min(1),
  province: z.string().min(1),
  /** First day the code is valid; absent = valid since before the list's horizon. */
  validFrom: date.optional(),
  /** Last day the code is valid (inclusive); absent = still valid. */
  validUntil: date.optional(),
  /** The code that took over after a herindeling. */
  mergedInto: gemeenteCode.optional(),
});

/**
 * The CBS gemeentelijke indeling with validity periods (`data/cbs-gemeenten.json`): the current
 * list plus the codes that ended in a herindeling, so TR378 can accept an older code for dates
 * before the merger.
 */
export const CBS_GEMEENTEN_SCHEMA = z.strictObject({
  $comment: z.string().optional(),
  format: z.literal('iwmo-gateway/cbs-gemeenten@1'),
  /** The CBS list the current codes come from, e.g. "gemeentelijke indeling op 1 januari 2026". */
  source: z.string().min(1),
  /** Date of that list. */
  listDate: date,
  gemeenten: z.array(GEMEENTE_SCHEMA).min(1),
});

export type CbsGemeenteEntry = z.output<typeof GEMEENTE_SCHEMA>;
export type CbsGemeentenFile = z.output<typeof CBS_GEMEENTEN_SCHEMA>;

/** The bundled list, derived from the CBS list of 1 January 2026 plus historic codes. */
export const BUNDLED_CBS_GEMEENTEN_FILE = fileURLToPath(
  new URL('../../data/cbs-gemeenten.json', import.meta.url),
);

/** Lookups on the CBS gemeentecodes by date (TR378, fact sheet §5.3). Immutable. */
export class CbsGemeenten {
  readonly source: string;
  readonly listDate: string;
  readonly #byCode: ReadonlyMap<string, readonly CbsGemeenteEntry[]>;

  private constructor(file: CbsGemeentenFile) {
    this.source = file.source;
    this.listDate = file.listDate;
    const byCode = new Map<string, CbsGemeenteEntry[]>();
    for (const entry of file.gemeenten) {
      const entries = byCode.get(entry.code) ?? [];
      entries.push(Object.freeze({ ...entry }));
      byCode.set(entry.code, entries);
    }
    this.#byCode = byCode;
    Object.freeze(this);
  }

  /** Validates the file's content (schema and consistency); throws listing every problem. */
  static fromData(data: unknown, origin = 'CBS gemeenten'): CbsGemeenten {
    const parsed = CBS_GEMEENTEN_SCHEMA.safeParse(data);
    if (!parsed.success) {
      throw invalid(origin, z.prettifyError(parsed.error));
    }
    const problems = checkCbsGemeenten(parsed.data);
    if (problems.length > 0) {
      throw invalid(origin, problems.map((problem) => `✖ ${problem}`).join('\n'));
    }
    return new CbsGemeenten(parsed.data);
  }

  /** True when `code` was a gemeentecode on `date`. */
  isValidOn(code: string, date: string): boolean {
    const entries = this.#byCode.get(code);
    return entries?.some((entry) => periodContains(periodOf(entry), date)) ?? false;
  }

  /** The entries of a code (several only when its name or period changed), or none. */
  entriesOf(code: string): readonly CbsGemeenteEntry[] {
    return this.#byCode.get(code) ?? [];
  }

  /** Number of distinct codes, current and historic. */
  get size(): number {
    return this.#byCode.size;
  }
}

/** Reads and validates a CBS gemeenten file; throws GW_ERR_CONFIG_INVALID listing every problem. */
export function loadCbsGemeenten(file: string = BUNDLED_CBS_GEMEENTEN_FILE): CbsGemeenten {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (caught) {
    throw new GatewayError('GW_ERR_CONFIG_INVALID', {
      message: `cannot read the CBS gemeenten file ${file}: ${caught instanceof Error ? caught.message : String(caught)}`,
      cause: caught,
    });
  }
  return CbsGemeenten.fromData(raw, file);
}

function periodOf(entry: CbsGemeenteEntry): DatePeriod {
  return {
    start: entry.validFrom ?? '0001-01-01',
    ...(entry.validUntil === undefined ? {} : { end: entry.validUntil }),
  };
}

/** Consistency beyond the schema: periods in order and apart, successors that exist. */
export function checkCbsGemeenten(file: CbsGemeentenFile): string[] {
  const problems: string[] = [];
  const entries = file.gemeenten;
  entries.forEach((entry, index) => {
    const at = `at gemeenten[${index}] (${entry.code})`;
    if (
      entry.validFrom !== undefined &&
      entry.validUntil !== undefined &&
      entry.validUntil < entry.validFrom
    ) {
      problems.push(`validUntil is before validFrom ${at}`);
    }
    if (entry.mergedInto !== undefined && entry.validUntil === undefined) {
      problems.push(`mergedInto needs a validUntil ${at}`);
    }
    entries.forEach((other, otherIndex) => {
      if (
        otherIndex > index &&
        other.code === entry.code &&
        periodsOverlap(periodOf(entry), periodOf(other))
      ) {
        problems.push(
          `periods of code ${entry.code} overlap ${at} and at gemeenten[${otherIndex}]`,
        );
      }
    });
    if (entry.mergedInto !== undefined && entry.validUntil !== undefined) {
      const successorStart = dateOfDayNumber(dayNumber(entry.validUntil) + 1);
      const successorValid = entries.some(
        (other) =>
          other.code === entry.mergedInto && periodContains(periodOf(other), successorStart),
      );
      if (!successorValid) {
        problems.push(
          `mergedInto ${entry.mergedInto} is not a gemeentecode on ${successorStart} ${at}`,
        );
      }
    }
  });
  return problems;
}

function invalid(origin: string, problems: string): GatewayError {
  return new GatewayError('GW_ERR_CONFIG_INVALID', {
    message: `invalid CBS gemeenten list ${origin}:\n${problems}`,
  });
}
