import type { Redis } from 'ioredis';

/** Something security-relevant that happened (no personal data: codes and ids only). */
export interface AuditEntry {
  readonly action: string;
  readonly clientId: string;
  readonly outcome: 'allowed' | 'refused';
  readonly detail: Readonly<Record<string, string>>;
}

const MAX_ENTRIES = 1_000_000;

/** An append-only audit trail in a Redis stream (`<prefix>:audit`), capped at about 1M entries. */
export class AuditLog {
  readonly key: string;
  readonly #redis: Redis;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.key = `${prefix}:audit`;
  }

  async record(entry: AuditEntry, now: Date): Promise<void> {
    await this.#redis.xadd(
      this.key,
      'MAXLEN',
      '~',
      String(MAX_ENTRIES),
      '*',
      'at',
      now.toISOString(),
      'action',
      entry.action,
      'clientId',
      entry.clientId,
      'outcome',
      entry.outcome,
      'detail',
      JSON.stringify(entry.detail),
    );
  }

  async latest(count: number): Promise<(AuditEntry & { at: string })[]> {
    const rows = await this.#redis.xrevrange(this.key, '+', '-', 'COUNT', count);
    return rows.map(([, fields]) => {
      const map = new Map<string, string>();
      for (let i = 0; i + 1 < fields.length; i += 2) {
        map.set(fields[i] ?? '', fields[i + 1] ?? '');
      }
      return {
        at: map.get('at') ?? '',
        action: map.get('action') ?? '',
        clientId: map.get('clientId') ?? '',
        outcome: map.get('outcome') === 'allowed' ? 'allowed' : 'refused',
        detail: JSON.parse(map.get('detail') ?? '{}') as Record<string, string>,
      };
    });
  }
}
