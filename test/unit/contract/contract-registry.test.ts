import { copyFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { type ContractLog, ContractRegistry } from '../../../src/contract/index.js';
import { GatewayError } from '../../../src/errors/index.js';
import { gooiRaw, VOORBEELD_FILE } from './contract-fixtures.js';

interface Logged {
  readonly level: 'info' | 'warn';
  readonly bindings: Record<string, unknown>;
  readonly message: string;
}

function recordingLog(): { log: ContractLog; lines: Logged[] } {
  const lines: Logged[] = [];
  return {
    lines,
    log: {
      info: (bindings, message) => lines.push({ level: 'info', bindings, message }),
      warn: (bindings, message) => lines.push({ level: 'warn', bindings, message }),
    },
  };
}

describe('ContractRegistry', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'contracts-'));
    writeFileSync(join(dir, 'gooi.json'), JSON.stringify(gooiRaw()));
    copyFileSync(VOORBEELD_FILE, join(dir, 'voorbeeld.json'));
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when it opens a directory', () => {
    it('loads every *.json file and warns that sample contracts are in force', () => {
      writeFileSync(join(dir, 'README.txt'), 'not a contract');
      const { log, lines } = recordingLog();
      const registry = ContractRegistry.open({ source: { dir }, log });
      expect(registry.current().contracts.map((c) => c.terms.id)).toEqual([
        'gooi-en-vechtstreek-hulpmiddelen',
        'voorbeeld-amsterdam-diemen-wmo',
      ]);
      expect(lines.filter((l) => l.message === 'contract loaded')).toHaveLength(2);
      expect(lines.filter((l) => l.message.startsWith('sample contract in force'))).toHaveLength(2);
    });

    it('gives the versions a decision records, per gemeente', () => {
      const set = ContractRegistry.open({ source: { dir } }).current();
      expect(set.versions).toHaveLength(2);
      expect(set.versionsFor('0402').map((v) => v.id)).toEqual([
        'gooi-en-vechtstreek-hulpmiddelen',
      ]);
      expect(set.versionsFor('0363').map((v) => v.id)).toEqual(['voorbeeld-amsterdam-diemen-wmo']);
      expect(set.versionsFor('0457')).toEqual([]);
    });
  });

  describe('when a file is invalid at start', () => {
    it('throws GW_ERR_CONFIG_INVALID naming the file and every problem with its path', () => {
      const raw = gooiRaw();
      const prices = raw.suppliers[0]?.prices;
      if (prices?.['1'] !== undefined && prices['7'] !== undefined) {
        prices['1']['maintenancePerYear'] = 1;
        prices['7']['discountPercent'] = 5;
      }
      writeFileSync(join(dir, 'gooi.json'), JSON.stringify(raw));
      let error: unknown;
      try {
        ContractRegistry.open({ source: { dir } });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).code).toBe('GW_ERR_CONFIG_INVALID');
      const message = (error as GatewayError).message;
      expect(message).toContain('gooi.json');
      expect(message).toContain('→ at suppliers[0].prices.7.discountPercent');
      expect(message).toContain('→ at suppliers[0].prices.1.maintenancePerYear');
    });

    it('throws when the directory does not exist', () => {
      expect(() => ContractRegistry.open({ source: { dir: join(dir, 'missing') } })).toThrow(
        /cannot list/,
      );
    });
  });

  describe('when a file changes', () => {
    it('replaces the contract when the new version is valid', () => {
      const { log, lines } = recordingLog();
      const registry = ContractRegistry.open({ source: { dir }, log });
      const before = registry.current();
      const raw = gooiRaw();
      raw['version'] = '2026.2';
      writeFileSync(join(dir, 'gooi.json'), JSON.stringify(raw));
      const report = registry.reload();
      expect(report.loaded).toEqual([join(dir, 'gooi.json')]);
      expect(report.unchanged).toEqual([join(dir, 'voorbeeld.json')]);
      const after = registry.current();
      expect(after).not.toBe(before);
      expect(after.versionsFor('0402')[0]?.version).toBe('2026.2');
      expect(before.versionsFor('0402')[0]?.version).toBe('2026.1');
      expect(lines.at(-2)?.message).toBe('contract reloaded');
      expect(lines.at(-2)?.bindings['replaces']).toMatch(/@2026\.1 /);
    });

    it('keeps the last valid version when the new one is invalid, and logs the problems', () => {
      const { log, lines } = recordingLog();
      const registry = ContractRegistry.open({ source: { dir }, log });
      const before = registry.current();
      const raw = gooiRaw();
      raw['version'] = '2026.2';
      const price = raw.suppliers[0]?.prices['7'];
      if (price !== undefined) {
        price['discountPercent'] = 30;
      }
      writeFileSync(join(dir, 'gooi.json'), JSON.stringify(raw));
      const report = registry.reload();
      expect(report.rejected).toHaveLength(1);
      expect(registry.current()).toBe(before);
      const warning = lines.at(-1);
      expect(warning?.level).toBe('warn');
      expect(warning?.message).toBe('contract file invalid; the last valid version stays in force');
      expect(String(warning?.bindings['kept'])).toMatch(/@2026\.1 /);
      expect(String(warning?.bindings['problems'])).toContain('prices.7.discountPercent');
    });

    it('does nothing when the bytes are the same', () => {
      const registry = ContractRegistry.open({ source: { dir } });
      const before = registry.current();
      const report = registry.reload();
      expect(report.loaded).toEqual([]);
      expect(registry.current()).toBe(before);
    });

    it('drops a contract whose file was removed', () => {
      const registry = ContractRegistry.open({ source: { dir } });
      unlinkSync(join(dir, 'voorbeeld.json'));
      expect(registry.reload().removed).toEqual([join(dir, 'voorbeeld.json')]);
      expect(registry.current().contracts).toHaveLength(1);
    });

    it('refuses a second file with the same contract id', () => {
      const registry = ContractRegistry.open({ source: { dir } });
      copyFileSync(join(dir, 'gooi.json'), join(dir, 'zz-copy.json'));
      const report = registry.reload();
      expect(report.rejected[0]?.problems[0]).toContain('is also loaded from');
      expect(registry.current().contracts).toHaveLength(2);
    });
  });

  describe('with a reload interval', () => {
    it('picks up a change on the next tick without a restart, until closed', () => {
      vi.useFakeTimers();
      const registry = ContractRegistry.open({
        source: { files: [join(dir, 'gooi.json')] },
        reloadMs: 1_000,
      });
      const raw = gooiRaw();
      raw['version'] = '2026.3';
      writeFileSync(join(dir, 'gooi.json'), JSON.stringify(raw));
      expect(registry.current().versions[0]?.version).toBe('2026.1');
      vi.advanceTimersByTime(1_000);
      expect(registry.current().versions[0]?.version).toBe('2026.3');
      registry.close();
      raw['version'] = '2026.4';
      writeFileSync(join(dir, 'gooi.json'), JSON.stringify(raw));
      vi.advanceTimersByTime(5_000);
      expect(registry.current().versions[0]?.version).toBe('2026.3');
    });
  });

  describe('when two contracts list the same code for the same gemeente at once', () => {
    it('warns', () => {
      const raw = gooiRaw();
      raw['id'] = 'gooi-addendum';
      writeFileSync(join(dir, 'addendum.json'), JSON.stringify(raw));
      const { log, lines } = recordingLog();
      ContractRegistry.open({ source: { dir }, log });
      expect(lines.some((l) => l.message.startsWith('two contracts cover the same product'))).toBe(
        true,
      );
    });
  });
});
