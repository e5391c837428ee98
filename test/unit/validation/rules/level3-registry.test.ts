import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { RULES } from '../../../../src/validation/rules/index.js';
import { SHARED_DIR } from '../../../helpers/shared-reference.js';

const TR_CSV = join(SHARED_DIR, 'reference/iwmo/3.2/regels-technisch-iwmo-3.2.csv');
const DOCS_FILE = join(import.meta.dirname, '../../../../docs/rules.md');

/** Level-3 TRs of the regelrapport with their retourcode (`;`-separated CSV, fact sheet §13). */
function level3FromCsv(): Map<string, string> {
  const result = new Map<string, string>();
  for (const line of readFileSync(TR_CSV, 'utf8').split('\n').slice(1)) {
    const [id = '', level = '', code = ''] = line.split(';');
    if (level.startsWith('3')) {
      result.set(id, code);
    }
  }
  return result;
}

function docStatus(id: string): string | undefined {
  const row = readFileSync(DOCS_FILE, 'utf8')
    .split('\n')
    .find((line) => line.startsWith(`| ${id} |`));
  return row
    ?.slice(1, -1)
    .split(/(?<!\\)\|/)[5]
    ?.trim();
}

describe('level-3 rules', () => {
  const level3 = RULES.filter((rule) => rule.level === 3);

  it.skipIf(!existsSync(TR_CSV))('cover every level-3 TR of the regelrapport', () => {
    const csv = level3FromCsv();
    expect(csv.size).toBe(54);
    for (const [id, code] of csv) {
      const rule = RULES.find((r) => r.id === id);
      if (rule?.level === 3) {
        expect(rule.retourCode, id).toBe(code);
        continue;
      }
      // Not a level-3 rule here: judged in-message on level 2, or impossible for a gateway.
      const status = docStatus(id) ?? '';
      expect(status, id).toMatch(/^(implemented; in-message check|not applicable)/);
    }
    expect(level3).toHaveLength(47);
  });

  it('report their official retourcode, never 0001', () => {
    for (const rule of level3) {
      expect(rule.retourCode, rule.id).not.toBe('0001');
      expect(rule.appliesTo.length, rule.id).toBeGreaterThan(0);
    }
  });
});
