import { dutchDate } from '../calendar/index.js';
import type { AtomicWrite } from '../store/index.js';
import type { DecisionFacts, DecisionObserver } from './decision-observer.js';
import { BUCKET_MS, LATENCY_BUCKETS, metricKeys, seriesName } from './metric-keys.js';

/**
 * Counts every decision in Redis, inside the decision's atomic step (so a message is counted
 * exactly once however often its job runs): per message type and outcome, per rule and retour
 * code, stage latencies as histograms, and the buckets the console's overview and rejects pages
 * read. Labels carry codes only (message types, rule ids, retour codes, party codes): never
 * personal data.
 */
export function metricsObserver(prefix: string): DecisionObserver {
  const keys = metricKeys(prefix);
  return {
    decisionWrites(facts: DecisionFacts): readonly AtomicWrite[] {
      const { record, result, now } = facts;
      const writes: AtomicWrite[] = [];
      const count = (name: string, labels: Record<string, string>, by = 1) => {
        const series = seriesName(name, labels);
        writes.push(
          { op: 'sadd', key: keys.series, member: series },
          { op: 'incrby', key: keys.counter(series), by },
        );
      };
      const type = record.messageType;
      const level = result.status === 'failed' ? 'none' : String(result.controlLevel);
      count('iwmo_messages_decided_total', {
        message_type: type,
        outcome: result.status,
        control_level: level,
      });
      const rules =
        result.status === 'failed' ? [] : [...new Set(result.violations.map((v) => v.ruleId))];
      for (const rule of rules) {
        count('iwmo_rule_violations_total', { message_type: type, rule });
      }
      if (result.status !== 'failed') {
        for (const code of new Set(result.retour?.codes ?? [])) {
          count('iwmo_retour_codes_total', { message_type: type, retour_code: code });
        }
      }
      const receivedAt = Date.parse(record.receivedAt);
      observe(count, 'queue_wait', facts.startedAt.getTime() - receivedAt);
      if (facts.validationMs !== undefined) {
        observe(count, 'validation', facts.validationMs);
      }
      observe(count, 'intake_to_decision', now.getTime() - receivedAt);
      const bucket = Math.floor(now.getTime() / BUCKET_MS);
      writes.push({ op: 'incrby', key: keys.tenMinutes(bucket, result.status), by: 1 });
      if (result.status === 'rejected') {
        const day = dutchDate(now);
        const dims: ['rule' | 'sender', string[]][] = [
          ['rule', rules.length > 0 ? rules : [result.transportError?.code ?? 'level-1']],
          ['sender', [record.sender ?? 'unknown']],
        ];
        for (const [dimension, values] of dims) {
          for (const value of values) {
            writes.push(
              { op: 'sadd', key: keys.dayMembers(day, dimension), member: value },
              { op: 'incrby', key: keys.dayCount(day, dimension, value), by: 1 },
            );
          }
        }
      }
      return writes;
    },
  };
}

type Count = (name: string, labels: Record<string, string>, by?: number) => void;

/** One histogram observation: its bucket, the count and the sum (in microseconds, integers). */
function observe(count: Count, stage: string, ms: number): void {
  const seconds = Math.max(0, ms) / 1000;
  const le = LATENCY_BUCKETS.find((bound) => seconds <= bound);
  count('iwmo_stage_duration_bucket_raw', { stage, le: le === undefined ? '+Inf' : String(le) });
  count('iwmo_stage_duration_sum_us', { stage }, Math.round(seconds * 1e6));
}
