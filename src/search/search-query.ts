import { z } from 'zod';

import { addDays, dutchDayStart } from '../calendar/index.js';
import { MESSAGE_TYPES, type MessageType } from '../domain/message-types.js';
import { MESSAGE_STATUSES, type MessageStatus } from '../domain/status.js';
import { isBsnInput } from './bsn-hasher.js';

/** What an operator searches for; every given criterion must match (AND). */
export interface SearchQuery {
  /** The gateway's message id: a direct lookup. */
  readonly id?: string;
  readonly berichtIdentificatie?: string;
  readonly messageType?: MessageType;
  readonly sender?: string;
  readonly receiver?: string;
  readonly status?: MessageStatus;
  /** Received at or after this instant. */
  readonly from?: Date;
  /** Received before this instant. */
  readonly to?: Date;
  readonly toewijzingNummer?: string;
  readonly declaratieNummer?: string;
  /** Typed by the operator; searched by its keyed hash, never stored or echoed. */
  readonly bsn?: string;
  /** The keyed hash of a BSN (as in the index), so a result page can link on without the BSN. */
  readonly bsnKey?: string;
  /** Page size. @defaultValue 50 */
  readonly limit: number;
  /** Opaque position after the last item of the previous page. */
  readonly cursor?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = z.string().trim().min(1).max(64);

/**
 * A date (`YYYY-MM-DD`, a Dutch calendar day: from its start) or an ISO 8601 instant.
 * `to` as a date means "up to and including that day".
 */
const instant = (endOfDay: boolean) =>
  z
    .string()
    .trim()
    .refine(
      (v) => DATE.test(v) || !Number.isNaN(Date.parse(v)),
      'a date YYYY-MM-DD or an ISO instant',
    )
    .transform((v) => {
      if (!DATE.test(v)) {
        return new Date(v);
      }
      const start = dutchDayStart(v);
      return endOfDay ? dutchDayStart(addDays(v, 1)) : start;
    });

/** The query string of GET /v1/search and the console's search form (empty fields ignored). */
export const SEARCH_QUERY_SCHEMA = z.strictObject({
  id: z.uuid().optional(),
  berichtIdentificatie: text.optional(),
  messageType: z.enum(MESSAGE_TYPES).optional(),
  sender: text.optional(),
  receiver: text.optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  from: instant(false).optional(),
  to: instant(true).optional(),
  toewijzingNummer: text.optional(),
  declaratieNummer: text.optional(),
  bsn: z.string().refine(isBsnInput, 'a BSN has 8 or 9 digits').optional(),
  bsnKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'a keyed BSN hash')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

/** Parses raw query parameters; throws the zod error for the caller to map to 400. */
export function parseSearchQuery(raw: Readonly<Record<string, unknown>>): SearchQuery {
  const cleaned = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  );
  const parsed = SEARCH_QUERY_SCHEMA.parse(cleaned);
  return Object.fromEntries(
    Object.entries(parsed).filter(([, v]) => v !== undefined),
  ) as unknown as SearchQuery;
}
