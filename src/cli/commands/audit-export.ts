import { writeFile } from 'node:fs/promises';

import { CliError, type CliIo, EXIT, type ExitCode } from '../cli-io.js';
import { csvLine } from '../format.js';
import type { GatewayClient } from '../gateway-client.js';

interface AuditItem {
  id: string;
  at: string;
  action: string;
  clientId: string;
  outcome: string;
  detail: Record<string, string>;
}

/**
 * `audit --from <date> --to <date> [--out file.csv]`: the audit trail of a period as CSV
 * (columns at, action, client, outcome, detail as JSON); to stdout without `--out`.
 */
export async function auditCommand(
  client: GatewayClient,
  io: CliIo,
  options: { from: string | undefined; to: string | undefined; out: string | undefined },
): Promise<ExitCode> {
  if (options.from === undefined || options.to === undefined) {
    throw new CliError(
      'usage: iwmo-gateway audit --from <date> --to <date> [--out <file.csv>]',
      EXIT.usage,
    );
  }
  const query = new URLSearchParams({ from: options.from, to: options.to }).toString();
  const { items, truncated } = await client.json<{ items: AuditItem[]; truncated: boolean }>(
    `/v1/audit?${query}`,
  );
  const csv =
    csvLine(['at', 'action', 'client', 'outcome', 'detail']) +
    items
      .map((i) => csvLine([i.at, i.action, i.clientId, i.outcome, JSON.stringify(i.detail)]))
      .join('');
  if (options.out === undefined) {
    io.out(csv);
  } else {
    await writeFile(options.out, csv);
    io.err(`${items.length} audit entries written to ${options.out}\n`);
  }
  if (truncated) {
    io.err('more entries than one export holds (100,000): export a shorter period\n');
    return EXIT.partial;
  }
  return EXIT.ok;
}
