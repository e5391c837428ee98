import { readFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { parseMessage } from '../../../../../src/model/index.js';
import {
  checkLevel2,
  EMPTY_RULE_CONTEXT,
  LEVEL4_RULES,
} from '../../../../../src/validation/rules/index.js';
import { createXsdValidator } from '../../../../../src/validation/xsd/index.js';
import { listRuleSamples, PROJECT_SCHEMA_DIR } from '../../../../helpers/rules-samples.js';
import { checkAll, SAMPLES_TODAY } from './level4-fixtures.js';

/**
 * Samples on level 4 (STYLE §I35), judged on SAMPLES_TODAY with the shipped CBS list and the
 * sample contracts (samples/contracts): every valid sample passes levels 2 and 4, and every
 * invalid sample named after a level-4 rule passes level 2 and violates exactly its rule(s) on
 * level 4, with the rule's retourcode.
 */
const { samples } = listRuleSamples();
const xsd = createXsdValidator(PROJECT_SCHEMA_DIR, 'libxml2-wasm');
const LEVEL4_IDS = new Set<string>(LEVEL4_RULES.map((rule) => rule.id));
const level4Samples = samples.filter(
  (s) => s.kind === 'invalid' && s.expectedRuleIds.some((id) => LEVEL4_IDS.has(id)),
);

afterAll(() => {
  xsd.close();
});

function parsed(file: string, type: Parameters<typeof parseMessage>[0]) {
  const bytes = readFileSync(file);
  const level1 = xsd.validate(type, bytes);
  expect(level1.valid ? [] : level1.issues.map((issue) => issue.message)).toEqual([]);
  return parseMessage(type, bytes.toString('utf8'));
}

describe(`samples on level 4 (today ${SAMPLES_TODAY})`, () => {
  it('has an invalid sample for every level-4 rule of the standard', () => {
    const covered = new Set(level4Samples.flatMap((s) => s.expectedRuleIds));
    const standard = LEVEL4_RULES.filter((rule) => !rule.id.startsWith('GW-'));
    expect(standard.map((rule) => rule.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const sample of samples.filter((s) => s.kind === 'valid')) {
    it(`${sample.relativePath} passes levels 2 and 4`, () => {
      const message = parsed(sample.file, sample.type);
      expect(checkLevel2(message, EMPTY_RULE_CONTEXT)).toEqual([]);
      expect(checkAll(message)).toEqual([]);
    });
  }

  for (const sample of level4Samples) {
    const expected = sample.expectedRuleIds.filter((id) => LEVEL4_IDS.has(id));
    it(`${sample.relativePath} passes level 2 and violates exactly ${expected.join(', ')} on level 4`, () => {
      const message = parsed(sample.file, sample.type);
      expect(checkLevel2(message, EMPTY_RULE_CONTEXT)).toEqual([]);
      const violations = checkAll(message);
      expect([...new Set(violations.map((v) => v.ruleId))].sort()).toEqual(expected);
      for (const violation of violations) {
        const rule = LEVEL4_RULES.find((r) => r.id === violation.ruleId);
        expect(violation.retourCode).toBe(rule?.retourCode);
        expect(violation.level).toBe(4);
        expect(violation.location).toMatch(/^\/Bericht\//);
      }
    });
  }
});
