import { readFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { parseMessage } from '../../src/model/index.js';
import { checkLevel2, EMPTY_RULE_CONTEXT, RULES } from '../../src/validation/rules/index.js';
import { createXsdValidator } from '../../src/validation/xsd/index.js';
import { listRuleSamples, PROJECT_SCHEMA_DIR } from '../helpers/rules-samples.js';

/**
 * Every sample under samples/iwmo/3.2 goes through level 1 (project XSD), the typed model and
 * level 2 (STYLE §I35): valid samples produce no violation, an invalid sample produces exactly
 * the rule named in its file name (or the set in its `.expected.json`).
 */
const { samples, unknownTypeDirs } = listRuleSamples();
const xsd = createXsdValidator(PROJECT_SCHEMA_DIR, 'libxml2-wasm');
const sampleTypes = [...new Set(samples.map((sample) => sample.type))];
const typesWithoutSchema = sampleTypes.filter((type) => !xsd.messageTypes.includes(type));
// A sample named after a rule of a higher level passes level 2; its own test asserts the rest
// (level 4: test/unit/validation/rules/level4/samples-level4.test.ts).
const LEVEL2_IDS = new Set<string>(RULES.filter((rule) => rule.level === 2).map((rule) => rule.id));

afterAll(() => {
  xsd.close();
});

describe('samples/iwmo/3.2', () => {
  it('has only message-type folders', () => {
    expect(unknownTypeDirs).toEqual([]);
  });

  it('has a project schema for every sample type', () => {
    expect(typesWithoutSchema).toEqual([]);
  });

  for (const type of sampleTypes) {
    const hasSchema = xsd.messageTypes.includes(type);
    describe.skipIf(!hasSchema)(
      hasSchema ? type : `${type} (skipped: no ${type}.xsd in schemas/iwmo/3.2 yet)`,
      () => {
        for (const sample of samples.filter((s) => s.type === type)) {
          const expectedIds = sample.expectedRuleIds.filter((id) => LEVEL2_IDS.has(id));
          const expectation =
            expectedIds.length === 0
              ? 'passes level 2'
              : `violates exactly ${expectedIds.join(', ')}`;
          it(`${sample.relativePath} is XSD-valid and ${expectation}`, () => {
            const bytes = readFileSync(sample.file);
            const level1 = xsd.validate(sample.type, bytes);
            expect(level1.valid ? [] : level1.issues.map((issue) => issue.message)).toEqual([]);

            const message = parseMessage(sample.type, bytes.toString('utf8'));
            const violations = checkLevel2(message, EMPTY_RULE_CONTEXT);
            const ruleIds = [...new Set(violations.map((violation) => violation.ruleId))].sort();
            expect(ruleIds).toEqual(expectedIds);
            for (const violation of violations) {
              expect(violation.retourCode).toBe('0001');
              expect(violation.location).toMatch(/^\/Bericht\//);
            }
          });
        }
      },
    );
  }
});
