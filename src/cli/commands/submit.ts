import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { CliError, type CliIo, EXIT, type ExitCode } from '../cli-io.js';
import { table } from '../format.js';
import { errorMessage, type GatewayClient } from '../gateway-client.js';

interface Outcome {
  readonly file: string;
  readonly status: number;
  readonly id: string;
  readonly result: string;
}

/**
 * `submit <dir>`: posts every `*.xml` in a directory (sorted by name), one at a time, with a
 * progress indicator on stderr and a summary table on stdout. Exit 0 when every message was
 * accepted for processing (202), 1 when some were refused.
 */
export async function submitCommand(
  client: GatewayClient,
  io: CliIo,
  dir: string | undefined,
): Promise<ExitCode> {
  if (dir === undefined) {
    throw new CliError('usage: iwmo-gateway submit <directory>', EXIT.usage);
  }
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.xml')).sort();
  } catch {
    throw new CliError(`cannot read directory ${dir}`, EXIT.usage);
  }
  if (names.length === 0) {
    throw new CliError(`no .xml files in ${dir}`, EXIT.usage);
  }
  const outcomes: Outcome[] = [];
  const started = Date.now();
  for (const [i, name] of names.entries()) {
    progress(io, i, names.length, started);
    const answer = await client.request('POST', '/v1/messages', {
      contentType: 'application/xml',
      data: await readFile(join(dir, name)),
    });
    const body = parse(answer.text);
    outcomes.push({
      file: name,
      status: answer.status,
      id: typeof body['id'] === 'string' ? body['id'] : '',
      result: answer.status === 202 ? 'received' : errorMessage(answer),
    });
  }
  progress(io, names.length, names.length, started);
  if (io.interactive) {
    io.err('\n');
  }
  io.out(
    table(
      ['file', 'http', 'id', 'result'],
      outcomes.map((o) => [o.file, String(o.status), o.id, o.result]),
    ),
  );
  const refused = outcomes.filter((o) => o.status !== 202).length;
  io.out(`${outcomes.length - refused} received, ${refused} refused, ${outcomes.length} files\n`);
  return refused === 0 ? EXIT.ok : EXIT.partial;
}

function progress(io: CliIo, done: number, total: number, started: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = done === 0 ? 0 : done / ((Date.now() - started) / 1000);
  const text = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(1)}/s`;
  if (io.interactive) {
    io.err(`\r${text}`);
  } else if (done === total || done % 100 === 0) {
    io.err(`${text}\n`);
  }
}

function parse(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
