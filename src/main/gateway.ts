#!/usr/bin/env node
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadAlertRules } from '../alerts/index.js';
import { loadConfig } from '../config/index.js';
import { createLogger } from '../observability/index.js';
import { loadParties } from '../parties/index.js';
import { type EmbeddedRedis, startEmbeddedRedis } from '../redis/embedded-redis.js';
import { resolveBodyKey } from '../store/index.js';
import { onTerminationSignal, shutdownInOrder } from './shutdown.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const RESTART_DELAY_MS = 1_000;

/**
 * `npm start`: runs the whole gateway on one machine. Without REDIS_URL it starts its own
 * redis-server (AOF, fsync always) in DATA_DIR/redis; then one intake process and
 * WORKER_PROCESSES worker processes, restarted if they die. SIGINT/SIGTERM stop intake first,
 * then the workers (they finish running jobs), then Redis.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Checked here too, so a bad parties or alerts file stops the launcher instead of a restart
  // loop of children that each refuse to start.
  loadParties(config.partiesFile, config.http.host);
  loadAlertRules(config.alerts.file);
  const logger = createLogger({
    level: config.logLevel,
    environment: config.environment,
    name: 'gateway',
  });
  let embedded: EmbeddedRedis | undefined;
  let redisUrl = config.redis.url;
  if (redisUrl === undefined) {
    embedded = await startEmbeddedRedis({ dataDir: join(config.dataDir, 'redis') });
    redisUrl = embedded.url;
    logger.info({ port: embedded.port, dataDir: config.dataDir }, 'embedded redis-server started');
  }
  resolveBodyKey(config.bodyEncryptionKey, config.dataDir);
  const env = { ...process.env, REDIS_URL: redisUrl };
  let stopping = false;
  const supervise = (name: string): { current: ChildProcess } => {
    const handle = { current: spawnChild(name, env) };
    const watch = (child: ChildProcess): void => {
      child.once('exit', (code, signal) => {
        if (stopping) {
          return;
        }
        logger.error({ process: name, code, signal }, 'process exited; restarting');
        setTimeout(() => {
          if (!stopping) {
            handle.current = spawnChild(name, env);
            watch(handle.current);
          }
        }, RESTART_DELAY_MS);
      });
    };
    watch(handle.current);
    return handle;
  };
  const intake = supervise('intake');
  const workers = Array.from({ length: config.worker.processes }, () => supervise('worker'));
  logger.info(
    { http: `http://${config.http.host}:${config.http.port}`, workers: workers.length },
    'gateway starting',
  );
  onTerminationSignal(logger, () => {
    stopping = true;
    return shutdownInOrder(
      [
        { name: 'intake', run: () => stopChild(intake.current) },
        { name: 'workers', run: () => Promise.all(workers.map((w) => stopChild(w.current))) },
        { name: 'redis', run: () => embedded?.stop() ?? Promise.resolve() },
      ],
      logger,
    );
  });
}

function spawnChild(name: string, env: NodeJS.ProcessEnv): ChildProcess {
  return fork(join(HERE, `${name}${EXT}`), [], { env, stdio: 'inherit' });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

main().catch((caught: unknown) => {
  console.error(caught instanceof Error ? caught.message : caught);
  process.exit(1);
});
