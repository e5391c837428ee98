/**
 * Redis keys of the shared counters (every process sees the same numbers):
 * - `<prefix>:metrics:series`: set of every counter series name (`name{label="value",…}`);
 * - `<prefix>:metrics:c:<series>`: the counter's value (INCRBY);
 * - `<prefix>:stats:m10:<bucket>:<outcome>`: decisions per 10-minute bucket (overview page);
 * - `<prefix>:stats:day:<date>:{rule,sender}:<value>` and the member sets
 *   `<prefix>:stats:day:<date>:{rules,senders}`: rejections per day (rejects page).
 */
export function metricKeys(prefix: string) {
  return {
    series: `${prefix}:metrics:series`,
    counter: (series: string) => `${prefix}:metrics:c:${series}`,
    tenMinutes: (bucket: number, outcome: string) => `${prefix}:stats:m10:${bucket}:${outcome}`,
    dayCount: (date: string, dimension: 'rule' | 'sender', value: string) =>
      `${prefix}:stats:day:${date}:${dimension}:${encodeURIComponent(value)}`,
    dayMembers: (date: string, dimension: 'rule' | 'sender') =>
      `${prefix}:stats:day:${date}:${dimension}s`,
  } as const;
}
export type MetricKeys = ReturnType<typeof metricKeys>;

/** Length of one overview bucket. */
export const BUCKET_MS = 10 * 60_000;

/** Upper bounds (seconds) of the stage latency histogram buckets. */
export const LATENCY_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300,
];

/** A Prometheus series name with its labels, label values escaped. */
export function seriesName(name: string, labels: Readonly<Record<string, string>> = {}): string {
  const parts = Object.entries(labels).map(
    ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
  );
  return parts.length === 0 ? name : `${name}{${parts.join(',')}}`;
}
