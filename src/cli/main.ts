import { parseArgs } from 'node:util';

import { CliError, type CliIo, EXIT, type ExitCode } from './cli-io.js';
import { auditCommand } from './commands/audit-export.js';
import { deadLettersCommand, replayCommand } from './commands/dead-letters.js';
import { statusCommand } from './commands/status.js';
import { submitCommand } from './commands/submit.js';
import { GatewayClient } from './gateway-client.js';

export const USAGE = `iwmo-gateway <command> [options]

Commands (they talk to the gateway's HTTP API with the key in IWMO_API_KEY):
  submit <directory>            post every *.xml in the directory; progress and a summary table
  status <message-id> [--retour] a message's status, violations and deliveries (or its retour XML)
  dead-letters                  list dead letters
  replay <delivery-id>...       replay dead letters
  audit --from <date> --to <date> [--out <file.csv>]
                                the audit trail of a period as CSV
  serve                         run the gateway itself (like npm start; needs npm run build)

Options:
  --url <url>    the gateway (default: IWMO_URL or http://127.0.0.1:8080)

Exit codes: 0 ok, 1 some items failed, 2 usage, 3 gateway unreachable or 5xx,
4 refused (401/403), 5 not found.
`;

/** Runs one CLI command; returns the exit code (never exits the process itself). */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        retour: { type: 'boolean' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (caught) {
    io.err(`${caught instanceof Error ? caught.message : String(caught)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help === true || command === undefined || command === 'help') {
    (command === undefined && values.help !== true ? io.err : io.out)(USAGE);
    return command === undefined && values.help !== true ? EXIT.usage : EXIT.ok;
  }
  const client = new GatewayClient({
    url: values.url ?? env['IWMO_URL'] ?? 'http://127.0.0.1:8080',
    apiKey: env['IWMO_API_KEY'] === '' ? undefined : env['IWMO_API_KEY'],
  });
  try {
    switch (command) {
      case 'submit':
        return await submitCommand(client, io, rest[0]);
      case 'status':
        return await statusCommand(client, io, rest[0], values.retour === true);
      case 'dead-letters':
        return await deadLettersCommand(client, io);
      case 'replay':
        return await replayCommand(client, io, rest);
      case 'audit':
        return await auditCommand(client, io, {
          from: values.from,
          to: values.to,
          out: values.out,
        });
      default:
        io.err(`unknown command: ${command}\n\n${USAGE}`);
        return EXIT.usage;
    }
  } catch (caught) {
    if (caught instanceof CliError) {
      io.err(`iwmo-gateway: ${caught.message}\n`);
      return caught.code;
    }
    throw caught;
  }
}
