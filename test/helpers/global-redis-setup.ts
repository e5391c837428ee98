import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

import { startEmbeddedRedis } from '../../src/redis/embedded-redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the real redis-server the integration tests share (each test uses its own prefix). */
    redisUrl: string;
  }
}

/**
 * Starts a real redis-server on a free loopback port for the integration project (no mocks).
 * The same code starts the embedded Redis of `npm start`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'iwmo-test-redis-'));
  const redis = await startEmbeddedRedis({ dataDir, appendfsync: 'everysec' });
  project.provide('redisUrl', redis.url);
  return async () => {
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
