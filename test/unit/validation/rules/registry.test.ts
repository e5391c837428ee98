import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { describe, expect, it } from 'vitest';

import { HEEN_MESSAGE_TYPES, MESSAGE_TYPES } from '../../../../src/domain/message-types.js';
import { RETOURCODES } from '../../../../src/domain/retourcodes.js';
import { buildRegistry, type Rule, RULES } from '../../../../src/validation/rules/index.js';
import { buildRegistry as indexRules } from '../../../../src/validation/rules/registry.js';
import { listRuleSamples } from '../../../helpers/rules-samples.js';

const RULES_DIR = join(import.meta.dirname, '../../../../src/validation/rules');
const DOCS_FILE = join(import.meta.dirname, '../../../../docs/rules.md');
const RULE_FILE = /^(tr|cd|cs)\d{3}\.ts$/;

interface DocRow {
  readonly rule: string;
  readonly messageTypes: string;
  readonly level: string;
  readonly retourCode: string;
  readonly description: string;
  readonly status: string;
  readonly source: string;
}

/** The rows of the `Rule | Message types | Level | Retourcode | Description | Status | Source` table. */
function readDocRows(): DocRow[] {
  const rows: DocRow[] = [];
  for (const line of readFileSync(DOCS_FILE, 'utf8').split('\n')) {
    if (!/^\| [A-Z]{2}\d{3} \|/.test(line)) {
      continue;
    }
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replaceAll('\\|', '|'));
    const [
      rule = '',
      messageTypes = '',
      level = '',
      retourCode = '',
      description = '',
      status = '',
      source = '',
    ] = cells;
    rows.push({ rule, messageTypes, level, retourCode, description, status, source });
  }
  return rows;
}

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && 'id' in value && 'check' in value;
}

const ruleFiles = readdirSync(RULES_DIR).filter((name) => RULE_FILE.test(name));
const LEVEL2_RULES = RULES.filter((rule) => rule.level === 2);
const docRows = readDocRows();
const { samples } = listRuleSamples();

describe('rule registry', () => {
  it('has unique rule ids', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a rule list with a duplicate id', () => {
    const [first] = RULES;
    expect(first).toBeDefined();
    expect(() => indexRules([first as Rule, first as Rule])).toThrow(/duplicate rule id/);
  });

  describe('when a rule file is loaded', () => {
    it('has one rule file per registered rule, named after its id', () => {
      const expected = RULES.map((rule) => `${rule.id.toLowerCase()}.ts`).sort();
      expect([...ruleFiles].sort()).toEqual(expected);
    });

    it.each(ruleFiles)('%s exports exactly the registered rule with that id', async (file) => {
      const module = (await import(pathToFileURL(join(RULES_DIR, file)).href)) as Record<
        string,
        unknown
      >;
      const exported = Object.entries(module).filter(([, value]) => isRule(value));
      const id = file.slice(0, -'.ts'.length).toUpperCase();
      expect(exported.map(([name]) => name)).toEqual([id]);
      const rule = exported[0]?.[1] as Rule;
      expect(rule.id).toBe(id);
      expect(RULES).toContain(rule);
    });
  });

  it('gives every rule a WJ001 retourcode and at least one message type', () => {
    expect(Object.keys(RETOURCODES)).toHaveLength(59);
    for (const rule of RULES) {
      expect(Object.hasOwn(RETOURCODES, rule.retourCode), rule.id).toBe(true);
      expect(rule.appliesTo.length, rule.id).toBeGreaterThan(0);
      expect(rule.description.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('has every level-2 (in-message) rule report 0001', () => {
    for (const rule of LEVEL2_RULES) {
      expect(rule.retourCode, rule.id).toBe('0001');
    }
  });

  it('indexes the level-2 rules by message type and freezes the result', () => {
    const registry = buildRegistry();
    expect(Object.isFrozen(registry)).toBe(true);
    for (const type of MESSAGE_TYPES) {
      expect(Object.isFrozen(registry[type])).toBe(true);
      const expected = LEVEL2_RULES.filter((rule) => rule.appliesTo.includes(type)).map(
        (r) => r.id,
      );
      expect(registry[type].map((rule) => rule.id)).toEqual(expected);
    }
    for (const rule of RULES) {
      expect(Object.isFrozen(rule)).toBe(true);
      expect(Object.isFrozen(rule.appliesTo)).toBe(true);
    }
  });

  it('registers level-2 rules for the heen messages and WMO325 only', () => {
    const registry = buildRegistry();
    for (const type of [...HEEN_MESSAGE_TYPES, 'WMO325' as const]) {
      expect(registry[type].length, type).toBeGreaterThan(0);
    }
    for (const type of ['WMO302', 'WMO306', 'WMO308', 'WMO316', 'WMO318', 'WMO320'] as const) {
      expect(registry[type], type).toEqual([]);
    }
  });
});

describe('docs/rules.md', () => {
  it('documents every registered rule with its registry values', () => {
    for (const rule of RULES) {
      const rows = docRows.filter((row) => row.rule === rule.id);
      expect(rows, rule.id).toHaveLength(1);
      const row = rows[0] as DocRow;
      expect(row.messageTypes, rule.id).toBe(rule.appliesTo.join(', '));
      expect(row.level, rule.id).toBe(String(rule.level));
      expect(row.retourCode, rule.id).toBe(rule.retourCode);
      expect(row.description, rule.id).toBe(rule.description);
      expect(row.source, rule.id).toBe(rule.source);
      expect(row.status, rule.id).toMatch(/^implemented/);
      if (rule.enforcedByXsd === true) {
        expect(row.status, rule.id).toContain('enforced by XSD (level 1)');
      }
    }
  });

  it('documents no implemented rule that is not registered', () => {
    const registered = new Set<string>(RULES.map((rule) => rule.id));
    const implemented = docRows.filter((row) => row.status.startsWith('implemented'));
    expect(implemented.filter((row) => !registered.has(row.rule)).map((row) => row.rule)).toEqual(
      [],
    );
  });

  it('has one row per rule id and a reason for every rule that is not implemented', () => {
    const ids = docRows.map((row) => row.rule);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of docRows.filter((r) => !r.status.startsWith('implemented'))) {
      expect(row.status, row.rule).toMatch(/^(not applicable|not level 2|enforced by XSD)/);
    }
    expect(docRows.find((row) => row.rule === 'TR377')?.status).toMatch(/not applicable: iJw only/);
    expect(docRows.find((row) => row.rule === 'TR409')?.status).toMatch(/not applicable: iJw only/);
  });
});

// Samples are judged by level 2 alone (one message); rules of other levels need their register
// or contract fixtures and are tested where those live.
describe('rule samples (level 2)', () => {
  const validTypes = new Set(samples.filter((s) => s.kind === 'valid').map((s) => s.type));
  const invalidFor = (rule: Rule): string[] =>
    samples
      .filter(
        (s) =>
          s.kind === 'invalid' &&
          s.expectedRuleIds.includes(rule.id) &&
          rule.appliesTo.includes(s.type),
      )
      .map((s) => s.relativePath);

  it.each(LEVEL2_RULES.map((rule) => [rule.id, rule] as const))(
    '%s has a valid sample of a type it applies to',
    (_id, rule) => {
      expect(rule.appliesTo.some((type) => validTypes.has(type))).toBe(true);
    },
  );

  // A rule the XSD fully enforces cannot have an XSD-valid violating sample; its unit test
  // (xsd-enforced.test.ts) covers the violation instead.
  it.each(
    LEVEL2_RULES.filter((rule) => rule.enforcedByXsd !== true).map(
      (rule) => [rule.id, rule] as const,
    ),
  )('%s has an invalid sample', (_id, rule) => {
    expect(invalidFor(rule).length).toBeGreaterThan(0);
  });

  it('names every invalid sample after a registered rule it violates', () => {
    const registered = new Set<string>(RULES.map((rule) => rule.id));
    for (const sample of samples.filter((s) => s.kind === 'invalid')) {
      const named = sample.name.split('-')[0] ?? '';
      expect(registered.has(named), sample.relativePath).toBe(true);
      expect(sample.expectedRuleIds, sample.relativePath).toContain(named);
    }
  });
});
