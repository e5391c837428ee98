import type { Config } from '../config/index.js';
import { GatewayError } from '../errors/index.js';

/** Intake and worker processes need a Redis; the launcher passes its embedded one as REDIS_URL. */
export function requireRedisUrl(config: Config): string {
  if (config.redis.url === undefined) {
    throw new GatewayError('GW_ERR_CONFIG_INVALID', {
      message:
        'REDIS_URL is not set: start the whole gateway with `npm start` (it runs an embedded redis-server) or set REDIS_URL',
    });
  }
  return config.redis.url;
}
