import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { GatewayError } from '../../../src/errors/index.js';
import { loadParties, newApiKey } from '../../../src/parties/index.js';

const EXAMPLE = join(import.meta.dirname, '../../../config/parties.example.json');

function write(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'parties-')), 'parties.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('loadParties', () => {
  it('loads the shipped example', () => {
    const parties = loadParties(EXAMPLE, '0.0.0.0');
    expect(parties.isLocal('0363')).toBe(true);
    expect(parties.isLocal('12345678')).toBe(false);
    expect(parties.routeFor('87654321')?.delivery).toEqual({
      type: 'directory',
      path: '/var/spool/iwmo/87654321',
    });
    expect(parties.routeFor('0599')?.name).toContain('GGK');
  });

  describe('when the file is invalid', () => {
    it('lists every problem with its path', () => {
      const file = write({
        local: [{ code: '363', name: 'x' }],
        remote: [{ code: '12345678', name: 'y', delivery: { type: 'http', url: 'ftp://x' } }],
        clients: [{ id: 'a', role: 'party', codes: [], secretHash: 'plain' }],
      });
      let error: unknown;
      try {
        loadParties(file, '127.0.0.1');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GatewayError);
      const message = (error as GatewayError).message;
      for (const path of [
        'local[0].code',
        'remote[0].delivery',
        'clients[0].codes',
        'clients[0].secretHash',
      ]) {
        expect(message).toContain(path);
      }
    });
  });

  describe('when no file is configured', () => {
    it('runs open on loopback and refuses to run open on another interface', () => {
      expect(loadParties(undefined, '127.0.0.1').open).toBe(true);
      expect(() => loadParties(undefined, '0.0.0.0')).toThrow(/PARTIES_FILE is required/);
    });
  });

  it('authenticates only the right secret for a client', () => {
    const key = newApiKey('c1');
    const file = write({
      local: [{ code: '0363', name: 'g' }],
      clients: [{ id: 'c1', role: 'party', codes: ['0363'], secretHash: key.secretHash }],
    });
    const parties = loadParties(file, '127.0.0.1');
    expect(parties.authenticate(key.apiKey)).toMatchObject({ kind: 'party', clientId: 'c1' });
    expect(parties.authenticate(`${key.apiKey}x`)).toBeUndefined();
    expect(parties.authenticate('c2.whatever')).toBeUndefined();
    expect(parties.authenticate(undefined)).toBeUndefined();
  });
});
