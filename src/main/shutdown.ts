import { coerceError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';

/** One step of an ordered shutdown (STYLE §G29): each runs even if an earlier one failed. */
export interface ShutdownStep {
  readonly name: string;
  run(): Promise<unknown>;
}

export async function shutdownInOrder(
  steps: readonly ShutdownStep[],
  logger: Logger,
): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
    } catch (caught) {
      logger.error({ err: coerceError(caught), step: step.name }, 'shutdown step failed');
    }
  }
}

/** Runs `shutdown` once on the first SIGINT or SIGTERM, then exits. */
export function onTerminationSignal(logger: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    shutdown().then(
      () => process.exit(0),
      (caught: unknown) => {
        logger.error({ err: coerceError(caught) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
