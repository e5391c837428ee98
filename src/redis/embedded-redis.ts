import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { Redis } from 'ioredis';

import { GatewayError } from '../errors/index.js';
import { findFreePort } from './free-port.js';

export interface EmbeddedRedis {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** Stops redis-server (it flushes its append-only file first) and waits for it to exit. */
  stop(): Promise<void>;
}

export interface EmbeddedRedisOptions {
  /** Where redis keeps its append-only file. */
  readonly dataDir: string;
  readonly binary?: string;
  /** 'always' makes every acknowledged write survive a power cut; 'everysec' is faster. */
  readonly appendfsync?: 'always' | 'everysec';
  readonly startTimeoutMs?: number;
}

/**
 * Starts a private redis-server on a free loopback port with append-only persistence, the way
 * `npm start` runs when REDIS_URL is not set and the way the tests get a real Redis.
 */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true });
  const port = await findFreePort();
  const args = [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    options.appendfsync ?? 'always',
    '--save',
    '',
    '--maxmemory-policy',
    'noeviction',
    '--protected-mode',
    'yes',
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
  ];
  const child = spawn(options.binary ?? 'redis-server', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const spawnError = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(
        new GatewayError('GW_ERR_REDIS_START', {
          message: `cannot run redis-server: ${error.message}; install it (apt-get install redis-server) or set REDIS_URL`,
          cause: error,
        }),
      ),
    );
    child.once('exit', (code) =>
      reject(
        new GatewayError('GW_ERR_REDIS_START', {
          message: `redis-server exited with code ${code}: ${output.trim()}`,
        }),
      ),
    );
  });
  const url = `redis://127.0.0.1:${port}`;
  await Promise.race([waitForPing(url, options.startTimeoutMs ?? 10_000), spawnError]);
  spawnError.catch(() => undefined);
  return {
    url,
    port,
    process: child,
    stop: () => stopChild(child),
  };
}

async function waitForPing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    // Refused connections while redis-server starts are expected; connect() reports them.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      return;
    } catch (caught) {
      if (Date.now() > deadline) {
        throw new GatewayError('GW_ERR_REDIS_START', {
          message: 'redis-server did not answer in time',
          cause: caught,
        });
      }
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      client.disconnect();
    }
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  await new Promise<void>((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
