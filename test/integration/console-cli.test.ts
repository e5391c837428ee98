import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT, runCli } from '../../src/cli/index.js';
import { findFreePort } from '../../src/redis/free-port.js';
import { EndpointServer } from '../helpers/endpoint-server.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { validSample, withElementText } from '../helpers/sample-messages.js';
import { testClients } from '../helpers/test-parties.js';

/** The CLI against a listening gateway: submit, status, dead letters, replay, audit export. */
describe('iwmo-gateway CLI', () => {
  const { clients, keys } = testClients();
  let gateway: GatewayHarness;
  let backOffice: EndpointServer;
  let url: string;
  let dir: string;

  function run(args: string[], apiKey: string | undefined = keys.operator) {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      interactive: false,
    };
    return runCli([...args, '--url', url], io, { IWMO_API_KEY: apiKey }).then((code) => ({
      code,
      out: out.join(''),
      err: err.join(''),
    }));
  }

  beforeAll(async () => {
    backOffice = await EndpointServer.start((n) => (n === 0 ? 400 : 200));
    gateway = await GatewayHarness.create({
      deliveryAttempts: 1,
      parties: {
        local: [
          {
            code: '0363',
            name: 'Gemeente (test)',
            delivery: { type: 'http', url: backOffice.url, timeoutMs: 2_000 },
          },
        ],
        remote: [{ code: '12345678', name: 'Supplier (test)' }],
        clients,
      },
    });
    await gateway.startWorker();
    url = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'iwmo-cli-'));
    writeFileSync(
      join(dir, 'a-start.xml'),
      withElementText(validSample('WMO305'), 'Identificatie', 'CLI-305-1'),
    );
    writeFileSync(
      join(dir, 'b-stop.xml'),
      withElementText(validSample('WMO307'), 'Identificatie', 'CLI-307-1'),
    );
    writeFileSync(join(dir, 'c-broken.xml'), '<not-iwmo/>');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
  });
  afterAll(async () => {
    await gateway.close();
    await backOffice.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let submittedId = '';

  it('submits a directory with progress and a summary table, exit 1 when one is refused', async () => {
    const result = await run(['submit', dir], keys.supplier);
    expect(result.code).toBe(EXIT.partial);
    expect(result.err).toContain('3/3');
    expect(result.out).toMatch(/^file\s+http\s+id\s+result/m);
    expect(result.out).toMatch(/a-start\.xml\s+202\s+[0-9a-f-]{36}\s+received/);
    expect(result.out).toMatch(/c-broken\.xml\s+400\s+GW_ERR_INTAKE_NOT_IWMO/);
    expect(result.out).toContain('2 received, 1 refused, 3 files');
    submittedId = /a-start\.xml\s+202\s+([0-9a-f-]{36})/.exec(result.out)?.[1] ?? '';
    await gateway.waitForDecision(submittedId);
  });

  it('shows a message status and its retour', async () => {
    const status = await run(['status', submittedId], keys.supplier);
    expect(status.code).toBe(EXIT.ok);
    expect(status.out).toMatch(/status\s+accepted/);
    expect(status.out).toMatch(/retour\s+WMO306 R\d{11}/);
    const retour = await run(['status', submittedId, '--retour'], keys.supplier);
    expect(retour.code).toBe(EXIT.ok);
    expect(retour.out).toContain('wmo306');
    expect((await run(['status', '00000000-0000-4000-8000-000000000000'])).code).toBe(
      EXIT.notFound,
    );
  });

  it('lists dead letters and replays one', async () => {
    const deadline = Date.now() + 20_000;
    while ((await gateway.deliveries.deadLetters(10)).length === 0) {
      if (Date.now() > deadline) {
        throw new Error('no dead letter');
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const [dead] = await gateway.deliveries.deadLetters(10);
    const list = await run(['dead-letters']);
    expect(list.code).toBe(EXIT.ok);
    expect(list.out).toContain(dead?.id ?? 'x');
    expect(list.out).toContain('1 dead letters');
    const replay = await run(['replay', dead?.id ?? '', 'no-such-delivery']);
    expect(replay.code).toBe(EXIT.partial);
    expect(replay.out).toContain(`${dead?.id ?? ''}  replayed`);
    expect(replay.out).toContain('no-such-delivery  not replayed');
  });

  it('exports the audit trail of a period as CSV', async () => {
    const out = join(dir, 'audit.csv');
    const today = new Date().toISOString().slice(0, 10);
    const result = await run(['audit', '--from', '2000-01-01', '--to', today, '--out', out]);
    expect(result.code).toBe(EXIT.ok);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('at,action,client,outcome,detail');
    expect(csv).toMatch(/,replay-delivery,operator,allowed,/);
  });

  it('exits 4 without the operator role or without a key', async () => {
    expect((await run(['dead-letters'], keys.supplier)).code).toBe(EXIT.refused);
    const anonymous = await run(['dead-letters'], '');
    expect(anonymous.code).toBe(EXIT.refused);
    expect(anonymous.err).toContain('IWMO_API_KEY is not set');
  });
});

/**
 * `bin/iwmo-gateway.mjs serve` as the package ships it: the bin next to a dist/ compiled here
 * (never the working tree's dist/, which may be stale), with the repository's node_modules,
 * schemas and data. It starts its own redis-server, answers /healthz and stops on SIGTERM.
 */
describe('iwmo-gateway serve', () => {
  const root = join(import.meta.dirname, '../..');
  const pkg = mkdtempSync(join(tmpdir(), 'iwmo-serve-'));
  let gateway: ChildProcess | undefined;

  beforeAll(() => {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(root, 'tsconfig.build.json'),
        '--outDir',
        join(pkg, 'dist'),
      ],
      { stdio: 'pipe' },
    );
    mkdirSync(join(pkg, 'bin'));
    copyFileSync(join(root, 'bin/iwmo-gateway.mjs'), join(pkg, 'bin/iwmo-gateway.mjs'));
    copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
    for (const shared of ['node_modules', 'schemas', 'data']) {
      symlinkSync(join(root, shared), join(pkg, shared));
    }
  }, 240_000);
  afterAll(() => {
    gateway?.kill('SIGKILL');
    rmSync(pkg, { recursive: true, force: true });
  });

  it('starts the gateway, answers /healthz and stops on SIGTERM', async () => {
    const port = await findFreePort();
    gateway = spawn(process.execPath, [join(pkg, 'bin/iwmo-gateway.mjs'), 'serve'], {
      cwd: pkg,
      env: {
        PATH: process.env['PATH'] ?? '',
        HTTP_PORT: String(port),
        DATA_DIR: join(pkg, '.data'),
        WORKER_PROCESSES: '1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    let health = 0;
    while (health !== 200) {
      if (Date.now() > deadline) {
        throw new Error(`no healthy gateway on ${base} (last status ${health})`);
      }
      await new Promise((r) => setTimeout(r, 200));
      health = await fetch(`${base}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
    }
    expect(health).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      gateway?.once('exit', (code) => resolve(code)),
    );
    gateway.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 120_000);
});
