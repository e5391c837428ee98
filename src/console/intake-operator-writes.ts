import { seriesName } from '../metrics/index.js';
import { metricKeys } from '../metrics/metric-keys.js';
import { type IndexedMessage, intakeIndexWrites } from '../search/index.js';
import type { AtomicWrite } from '../store/index.js';
import type { OperatorTools } from './operator-tools.js';

/**
 * What intake adds to a new message's store transaction for the operator: its search entries and
 * the `iwmo_messages_received_total{message_type}` counter. Nothing without operator tools.
 */
export function intakeOperatorWrites(
  tools: OperatorTools | undefined,
  message: IndexedMessage,
  body: Uint8Array,
): AtomicWrite[] {
  if (tools === undefined) {
    return [];
  }
  const keys = metricKeys(tools.settings.prefix);
  const series = seriesName('iwmo_messages_received_total', { message_type: message.messageType });
  return [
    ...intakeIndexWrites(tools.search, message, body),
    { op: 'sadd', key: keys.series, member: series },
    { op: 'incrby', key: keys.counter(series), by: 1 },
  ];
}
