import type { AppDeps } from '../build-app.js';
import type { GatewayApp } from '../gateway-app.js';

/** GET /healthz: 200 when Redis answers and at least one worker is connected, 503 otherwise. */
export function registerHealthRoute(app: GatewayApp, deps: AppDeps): void {
  app.get('/healthz', async (_request, reply) => {
    let redis = false;
    let workers = 0;
    try {
      redis = (await deps.redis.ping()) === 'PONG';
      workers = redis ? await deps.queue.getWorkersCount() : 0;
    } catch {
      redis = false;
    }
    const healthy = redis && workers > 0;
    return reply
      .status(healthy ? 200 : 503)
      .send({ status: healthy ? 'ok' : 'unavailable', redis: redis ? 'up' : 'down', workers });
  });
}
