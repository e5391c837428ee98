import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ERROR_CODES, GatewayError } from '../../../src/errors/index.js';

describe('the error registry', () => {
  it('is documented code for code in docs/errors.md', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../../docs/errors.md'), 'utf8');
    const documented = [...docs.matchAll(/^\| `(GW_ERR_[A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('names every code GW_ERR_<AREA>_<WHAT>', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(code).toMatch(/^GW_ERR_[A-Z]+_[A-Z_]+$/);
    }
  });

  it('builds errors that carry code, retryable flag, status and cause', () => {
    const cause = new Error('connection refused');
    const error = new GatewayError('GW_ERR_INTAKE_STORE_UNAVAILABLE', { cause });
    expect(error.name).toBe('GatewayError');
    expect(error.retryable).toBe(true);
    expect(error.httpStatus).toBe(503);
    expect(error.cause).toBe(cause);
  });
});
