import { describe, expect, it } from 'vitest';

import { EMPTY_REGISTER_VIEW } from '../../../src/domain/register/index.js';
import type { MessageHeader } from '../../../src/model/header.js';
import {
  type CheckedMessage,
  continueValidation,
  type Pipeline,
  type StageContext,
  validateMessage,
} from '../../../src/validation/pipeline.js';
import type { Violation } from '../../../src/validation/violation.js';

const header = {} as MessageHeader;
const message: CheckedMessage = { type: 'WMO301', header };
const body = new TextEncoder().encode('<x/>');

function pipeline(
  level3: (context: StageContext) => readonly Violation[],
): Pipeline<CheckedMessage> {
  return {
    xsd: {
      engine: 'libxml2-wasm',
      messageTypes: ['WMO301'],
      validate: () => ({ valid: true }),
      close: () => undefined,
    },
    parse: () => message,
    stages: [
      { level: 2, name: 'in-message', check: () => [] },
      { level: 3, name: 'across messages', check: (_m, context) => level3(context) },
    ],
  };
}

const violation: Violation = {
  ruleId: 'TR056',
  retourCode: '9056',
  level: 3,
  location: '/Bericht/Header/BerichtIdentificatie/Identificatie',
};

describe('validateMessage with maxLevel and continueValidation', () => {
  describe('when the first pass stops at level 2', () => {
    it('continues with level 3 and hands the stage its context', () => {
      const seen: StageContext[] = [];
      const p = pipeline((context) => {
        seen.push(context);
        return [violation];
      });
      const first = validateMessage(p, 'WMO301', body, { maxLevel: 2 });
      expect(first).toMatchObject({ kind: 'accepted', controlLevel: 2 });
      expect(seen).toEqual([]);
      const full = continueValidation(p, first, { context: { register: EMPTY_REGISTER_VIEW } });
      expect(full).toMatchObject({ kind: 'rejected', stage: 'rules', controlLevel: 3 });
      expect(seen).toEqual([{ register: EMPTY_REGISTER_VIEW }]);
    });

    it('returns a rejected outcome unchanged', () => {
      const p = pipeline(() => []);
      const rejected = {
        kind: 'rejected',
        stage: 'rules',
        controlLevel: 2,
        message,
        violations: [violation],
      } as const;
      expect(continueValidation(p, rejected)).toBe(rejected);
    });

    it('accepts on level 3 when the stage finds nothing', () => {
      const p = pipeline(() => []);
      const first = validateMessage(p, 'WMO301', body, { maxLevel: 2 });
      expect(continueValidation(p, first)).toMatchObject({ kind: 'accepted', controlLevel: 3 });
    });
  });

  describe('when the message is judged per line (a declaration)', () => {
    it('runs every stage from level 3 on and collects their violations', () => {
      const level4: Violation = { ...violation, ruleId: 'TR418', retourCode: '0611', level: 4 };
      const p: Pipeline<CheckedMessage> = {
        ...pipeline(() => [violation]),
        judgedPerLine: () => true,
      };
      const withLevel4: Pipeline<CheckedMessage> = {
        ...p,
        stages: [...p.stages, { level: 4, name: 'external', check: () => [level4] }],
      };
      const first = validateMessage(withLevel4, 'WMO301', body, { maxLevel: 2 });
      expect(continueValidation(withLevel4, first)).toMatchObject({
        kind: 'rejected',
        controlLevel: 4,
        violations: [violation, level4],
      });
      const stopAt2: Pipeline<CheckedMessage> = {
        ...withLevel4,
        stages: [
          { level: 2, name: 'in-message', check: () => [violation] },
          ...withLevel4.stages.slice(1),
        ],
      };
      expect(validateMessage(stopAt2, 'WMO301', body)).toMatchObject({
        kind: 'rejected',
        controlLevel: 2,
        violations: [violation],
      });
    });
  });
});
