import { addDays, dutchDayStart } from '../../calendar/index.js';
import { GatewayError } from '../../errors/index.js';
import type { HandlerResult } from './handler.js';

/** The part of the audit stream the export reads (XRANGE over stream ids, which are ms times). */
export interface AuditSource {
  readonly key: string;
  readonly redis: {
    xrange(
      key: string,
      start: string,
      end: string,
      count: 'COUNT',
      n: number,
    ): Promise<[string, string[]][]>;
  };
}

const MAX_ENTRIES = 100_000;

/**
 * GET /v1/audit?from=&to=: the audit trail of a period (ISO instants, `to` exclusive; or Dutch
 * calendar days YYYY-MM-DD, `to` inclusive),
 * oldest first, at most 100,000 entries per call (`truncated` says when there were more).
 */
export async function auditHandler(
  source: AuditSource,
  query: Readonly<Record<string, string | undefined>>,
): Promise<HandlerResult> {
  const from = instant(query['from'], false);
  const to = instant(query['to'], true);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
    throw new GatewayError('GW_ERR_API_BAD_REQUEST', {
      message: 'give from and to as ISO 8601 dates or instants, to after from',
    });
  }
  const rows = await source.redis.xrange(
    source.key,
    String(from),
    `(${to}`,
    'COUNT',
    MAX_ENTRIES + 1,
  );
  const items = rows.slice(0, MAX_ENTRIES).map(([id, fields]) => {
    const map = new Map<string, string>();
    for (let i = 0; i + 1 < fields.length; i += 2) {
      map.set(fields[i] ?? '', fields[i + 1] ?? '');
    }
    return {
      id,
      at: map.get('at') ?? '',
      action: map.get('action') ?? '',
      clientId: map.get('clientId') ?? '',
      outcome: map.get('outcome') ?? '',
      detail: JSON.parse(map.get('detail') ?? '{}') as Record<string, string>,
    };
  });
  return { status: 200, body: { items, truncated: rows.length > MAX_ENTRIES } };
}

function instant(value: string | undefined, endOfDay: boolean): number {
  if (value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return dutchDayStart(endOfDay ? addDays(value, 1) : value).getTime();
  }
  return Date.parse(value ?? '');
}
