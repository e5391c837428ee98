import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ENV_SCHEMA, loadConfig } from '../../../src/config/index.js';
import { GatewayError } from '../../../src/errors/index.js';

const ROOT = join(import.meta.dirname, '../../..');
const KEYS = Object.keys(ENV_SCHEMA.shape).sort();

describe('loadConfig', () => {
  describe('when nothing is set', () => {
    it('returns the documented defaults, deep-frozen', () => {
      const config = loadConfig({});
      expect(config.http).toEqual({ host: '127.0.0.1', port: 8080 });
      expect(config.redis).toEqual({ url: undefined, prefix: 'iwmo' });
      expect(config.maxMessageBytes).toBe(25 * 1024 * 1024);
      expect(config.xsd.engine).toBe('libxml2-wasm');
      expect(Object.isFrozen(config)).toBe(true);
      expect(Object.isFrozen(config.worker)).toBe(true);
    });
  });

  describe('when values are invalid', () => {
    it('throws GW_ERR_CONFIG_INVALID naming every invalid key', () => {
      let error: unknown;
      try {
        loadConfig({ HTTP_PORT: 'eighty', XSD_ENGINE: 'saxon', REDIS_URL: 'http://x' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).code).toBe('GW_ERR_CONFIG_INVALID');
      for (const key of ['HTTP_PORT', 'XSD_ENGINE', 'REDIS_URL']) {
        expect((error as GatewayError).message).toContain(key);
      }
    });
  });

  describe('when values are given as strings', () => {
    it('coerces numbers and ignores unrelated environment variables', () => {
      const config = loadConfig({
        HTTP_PORT: '9090',
        JOB_ATTEMPTS: '2',
        HOME: '/root',
        PATH: '/bin',
      });
      expect(config.http.port).toBe(9090);
      expect(config.worker.attempts).toBe(2);
    });
  });

  it('is documented key for key in docs/config.md and .env.example', () => {
    const docs = readFileSync(join(ROOT, 'docs/config.md'), 'utf8');
    const documented = [...docs.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(KEYS);
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const listed = [...example.matchAll(/^#? ?([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(KEYS);
  });
});
