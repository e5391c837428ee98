import { CliError, type CliIo, EXIT, type ExitCode } from '../cli-io.js';
import { table } from '../format.js';
import { errorMessage, type GatewayClient } from '../gateway-client.js';

interface DeadLetter {
  id: string;
  messageId: string;
  kind: string;
  party: string;
  documentType: string;
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}

/** `dead-letters`: the dead deliveries, one line each. */
export async function deadLettersCommand(client: GatewayClient, io: CliIo): Promise<ExitCode> {
  const { items } = await client.json<{ items: DeadLetter[] }>('/v1/deliveries/dead?limit=1000');
  io.out(
    table(
      ['delivery', 'kind', 'party', 'document', 'attempts', 'died', 'last error'],
      items.map((d) => [
        d.id,
        d.kind,
        d.party,
        d.documentType,
        String(d.attempts),
        d.updatedAt,
        d.lastError ?? '',
      ]),
    ),
  );
  io.out(`${items.length} dead letters\n`);
  return EXIT.ok;
}

/** `replay <delivery-id>…`: replays dead letters; exit 1 when one of them could not be replayed. */
export async function replayCommand(
  client: GatewayClient,
  io: CliIo,
  ids: readonly string[],
): Promise<ExitCode> {
  if (ids.length === 0) {
    throw new CliError('usage: iwmo-gateway replay <delivery-id>…', EXIT.usage);
  }
  let failed = 0;
  for (const id of ids) {
    const answer = await client.request('POST', `/v1/deliveries/${encodeURIComponent(id)}/replay`);
    if (answer.status === 202) {
      io.out(`${id}  replayed (pending again)\n`);
    } else {
      failed += 1;
      io.out(`${id}  not replayed: ${errorMessage(answer)}\n`);
    }
  }
  return failed === 0 ? EXIT.ok : EXIT.partial;
}
