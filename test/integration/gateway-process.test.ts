import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { findFreePort } from '../../src/redis/free-port.js';
import { validSample } from '../helpers/sample-messages.js';

const ROOT = join(import.meta.dirname, '../..');

async function poll<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the gateway launcher (what `npm start` runs)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iwmo-gateway-'));
  let gateway: ChildProcess | undefined;

  afterAll(() => {
    gateway?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts its own redis-server, serves real HTTP, and shuts everything down on SIGTERM', async () => {
    const port = await findFreePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'] ?? '',
      HTTP_PORT: String(port),
      DATA_DIR: dataDir,
      WORKER_PROCESSES: '1',
      LOG_LEVEL: 'warn',
    };
    gateway = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/gateway.ts')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await poll(
      async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined),
      60_000,
      'healthz',
    );

    const posted = await fetch(`${base}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: validSample('WMO301'),
    });
    expect(posted.status).toBe(202);
    const { id } = (await posted.json()) as { id: string };
    const decided = await poll(
      async () => {
        const view = (await (await fetch(`${base}/v1/messages/${id}`)).json()) as {
          status: string;
        };
        return view.status === 'accepted' ? view : undefined;
      },
      30_000,
      'the decision',
    );
    expect(decided.status).toBe('accepted');
    const retour = await fetch(`${base}/v1/messages/${id}/retour`);
    expect(retour.status).toBe(200);
    expect(await retour.text()).toContain('<wmo302:BerichtCode>415</wmo302:BerichtCode>');

    // Durable: the embedded Redis keeps an append-only file in the data directory.
    expect(existsSync(join(dataDir, 'redis'))).toBe(true);
    expect(readdirSync(join(dataDir, 'redis')).some((name) => name.startsWith('appendonly'))).toBe(
      true,
    );

    const exited = new Promise<number | null>((resolve) =>
      gateway?.once('exit', (code) => resolve(code)),
    );
    gateway.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
