import { CliError, type CliIo, EXIT, type ExitCode } from '../cli-io.js';
import { table } from '../format.js';
import type { GatewayClient } from '../gateway-client.js';

interface MessageView {
  id: string;
  messageType: string;
  status: string;
  sender: string | null;
  receiver: string | null;
  berichtIdentificatie: string | null;
  receivedAt: string;
  controlLevel: number | null;
  retourId: string | null;
  retourType: string | null;
  retourCodes: string[];
  violations: { ruleId: string; retourCode: string; location: string }[];
  transportError: { code: string; description: string } | null;
  failureReason: string | null;
  deliveries: { kind: string; party: string; status: string; attempts: number }[];
}

/**
 * `status <id> [--retour]`: a message's status, violations and deliveries; with `--retour` the
 * retour XML itself on stdout. Exit 5 for an unknown id (or a retour that does not exist yet).
 */
export async function statusCommand(
  client: GatewayClient,
  io: CliIo,
  id: string | undefined,
  retour: boolean,
): Promise<ExitCode> {
  if (id === undefined) {
    throw new CliError('usage: iwmo-gateway status <message-id> [--retour]', EXIT.usage);
  }
  const path = `/v1/messages/${encodeURIComponent(id)}`;
  if (retour) {
    const answer = await client.request('GET', `${path}/retour`);
    if (answer.status !== 200) {
      throw new CliError(
        `no retour (${answer.status}): ${answer.text.slice(0, 200)}`,
        EXIT.notFound,
      );
    }
    io.out(answer.text.endsWith('\n') ? answer.text : `${answer.text}\n`);
    return EXIT.ok;
  }
  const m = await client.json<MessageView>(path);
  const facts: [string, string][] = [
    ['id', m.id],
    ['type', m.messageType],
    ['status', m.status],
    ['sender', m.sender ?? ''],
    ['receiver', m.receiver ?? ''],
    ['berichtIdentificatie', m.berichtIdentificatie ?? ''],
    ['received', m.receivedAt],
    ['control level', m.controlLevel === null ? '' : String(m.controlLevel)],
    [
      'retour',
      m.retourId === null
        ? ''
        : `${m.retourType ?? ''} ${m.retourId} codes ${m.retourCodes.join(',') || '-'}`,
    ],
    [
      'transport error',
      m.transportError === null ? '' : `${m.transportError.code} ${m.transportError.description}`,
    ],
    ['failure', m.failureReason ?? ''],
  ];
  io.out(
    facts
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k.padEnd(21)}${v}\n`)
      .join(''),
  );
  if (m.violations.length > 0) {
    io.out(
      `\n${table(
        ['rule', 'retourcode', 'location'],
        m.violations.map((v) => [v.ruleId, v.retourCode, v.location]),
      )}`,
    );
  }
  if (m.deliveries.length > 0) {
    io.out(
      `\n${table(
        ['delivery', 'party', 'status', 'attempts'],
        m.deliveries.map((d) => [d.kind, d.party, d.status, String(d.attempts)]),
      )}`,
    );
  }
  return EXIT.ok;
}
