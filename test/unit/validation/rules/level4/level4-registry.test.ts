import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  CONTRACT_RULES,
  EMPTY_RULE_CONTEXT,
  LEVEL4_RULES,
  type Rule,
  RULES,
} from '../../../../../src/validation/rules/index.js';
import { wmo301 } from '../../../../helpers/rules-messages.js';

const RULES_DIR = join(import.meta.dirname, '../../../../../src/validation/rules');
const DOCS_FILE = join(import.meta.dirname, '../../../../../docs/rules.md');

/** The GW rows of docs/rules.md: `| GW-C01 | types | level | code | description | status | source |`. */
function contractRuleRows(): string[][] {
  return readFileSync(DOCS_FILE, 'utf8')
    .split('\n')
    .filter((line) => /^\| GW-C\d{2} \|/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

describe('the level-4 registry', () => {
  it('holds the five level-4 TRs of the standard and the contract rules', () => {
    expect(LEVEL4_RULES.map((rule) => rule.id)).toEqual([
      'TR135',
      'TR346',
      'TR378',
      'TR381',
      'TR418',
      'GW-C01',
      'GW-C02',
      'GW-C03',
      'GW-C04',
      'GW-C05',
      'GW-C06',
      'GW-C07',
      'GW-C08',
      'GW-C09',
    ]);
    for (const rule of LEVEL4_RULES) {
      expect(rule.level, rule.id).toBe(4);
      expect(Object.isFrozen(rule), rule.id).toBe(true);
    }
  });

  it('reports the retourcodes of the regelrapport', () => {
    const codes = Object.fromEntries(LEVEL4_RULES.map((rule) => [rule.id, rule.retourCode]));
    expect(codes).toMatchObject({
      TR135: '8848',
      TR346: '9346',
      TR378: 'S300',
      TR381: 'S329',
      TR418: '0611',
    });
  });

  it('keeps contract rules out of the main list and its ids unique', () => {
    const ids = [...RULES, ...CONTRACT_RULES].map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(RULES.some((rule) => rule.id.startsWith('GW-'))).toBe(false);
  });

  it('has one file gw-cNN.ts per contract rule, exporting exactly that rule', async () => {
    const files = readdirSync(RULES_DIR).filter((name) => /^gw-.*\.ts$/.test(name));
    expect(files.sort()).toEqual(
      CONTRACT_RULES.map((rule) => `${rule.id.toLowerCase()}.ts`).sort(),
    );
    for (const file of files) {
      const module = (await import(pathToFileURL(join(RULES_DIR, file)).href)) as Record<
        string,
        unknown
      >;
      const exported = Object.entries(module).filter(
        ([, value]) => typeof value === 'object' && value !== null && 'check' in value,
      );
      const id = file.slice(0, -'.ts'.length).toUpperCase();
      expect(exported.map(([name]) => name)).toEqual([id.replace('-', '_')]);
      expect((exported[0]?.[1] as Rule).id).toBe(id);
    }
  });

  it('documents every contract rule in docs/rules.md with its registry values', () => {
    const rows = contractRuleRows();
    expect(rows.map((row) => row[0])).toEqual(CONTRACT_RULES.map((rule) => rule.id));
    for (const rule of CONTRACT_RULES) {
      const row = rows.find((r) => r[0] === rule.id) ?? [];
      expect(row[1], rule.id).toBe(rule.appliesTo.join(', '));
      expect(row[2], rule.id).toBe('4');
      expect(row[3], rule.id).toBe(rule.retourCode);
      expect(row[4], rule.id).toBe(rule.description);
      expect(row[5], rule.id).toMatch(/^implemented/);
      expect(row[6], rule.id).toBe(rule.source);
    }
  });

  describe('when a level-4 rule runs without its sources', () => {
    it('throws: that is a wiring bug, never a rejection', () => {
      const tr135 = LEVEL4_RULES.find((rule) => rule.id === 'TR135') as Rule;
      expect(() => tr135.check(wmo301(), EMPTY_RULE_CONTEXT)).toThrow(
        /level-4 rule TR135 was run without/,
      );
    });
  });
});
