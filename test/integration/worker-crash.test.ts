import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { GatewayHarness } from '../helpers/gateway-harness.js';
import { largeAllocation } from '../helpers/large-messages.js';

const ROOT = join(import.meta.dirname, '../..');

/** Starts src/main/worker.ts as a real OS process (through tsx) against the test Redis. */
function spawnWorker(gateway: GatewayHarness, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/worker.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      REDIS_URL: gateway.redisUrl,
      REDIS_PREFIX: gateway.prefix,
      BODY_ENCRYPTION_KEY: gateway.bodyKey.toString('base64'),
      DATA_DIR: dataDir,
      JOB_LOCK_MS: '2000',
      WORKER_CONCURRENCY: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a worker killed while processing', () => {
  let gateway: GatewayHarness | undefined;
  const children: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'iwmo-worker-'));

  afterEach(async () => {
    for (const child of children) {
      child.kill('SIGKILL');
    }
    await gateway?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing: a new worker takes the message over and it is decided exactly once', async () => {
    gateway = await GatewayHarness.create();
    // ~19 MB (the standard allows 25): long enough to be caught mid-processing.
    const posted = await gateway.post(largeAllocation(45_000));
    expect(posted.status).toBe(202);
    const id = posted.body['id'] as string;

    const first = spawnWorker(gateway, dataDir);
    children.push(first);
    await waitFor(
      async () => (await gateway!.store.get(id))?.status === 'processing',
      30_000,
      'processing',
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect((await gateway.store.get(id))?.status).toBe('processing');

    const second = spawnWorker(gateway, dataDir);
    children.push(second);
    const record = await gateway.waitForDecision(id, 60_000);

    expect(record.status).toBe('accepted');
    const events = await gateway.store.getEvents(id);
    expect(events.filter((e) => e.event === 'accepted')).toHaveLength(1);
    expect(events.filter((e) => e.event === 'processing').length).toBeGreaterThanOrEqual(2);
    expect(await gateway.store.getRetour(id)).toContain('<wmo302:IdentificatieRetour>');
    expect(await gateway.store.pendingBefore(new Date(Date.now() + 60_000), 10)).toEqual([]);
  });

  it('finishes the message it is working on when stopped with SIGTERM', async () => {
    gateway = await GatewayHarness.create();
    const posted = await gateway.post(largeAllocation(20_000));
    const id = posted.body['id'] as string;
    const worker = spawnWorker(gateway, dataDir);
    children.push(worker);
    await waitFor(
      async () => (await gateway!.store.get(id))?.status === 'processing',
      30_000,
      'processing',
    );
    const exited = new Promise<number | null>((resolve) =>
      worker.once('exit', (code) => resolve(code)),
    );
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    const record = await gateway.store.get(id);
    expect(record?.status).toBe('accepted');
    expect(
      (await gateway.store.getEvents(id)).filter((e) => e.event === 'processing'),
    ).toHaveLength(1);
  });
});
