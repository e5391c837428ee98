import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { HeenMessageType } from '../../../../src/domain/message-types.js';
import { parseMessage } from '../../../../src/model/index.js';
import { checkLevel2, EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { ijwToIwmo } from '../../../helpers/rules-ijw.js';
import { SHARED_DIR } from '../../../helpers/shared-reference.js';

/**
 * Known facts about the official material (fact sheet §8.3, §10.10): what the official XSLT 2.10.5
 * reports on the example messages. The gateway's level 2 must report the same rule ids.
 */
const IWMO_EXAMPLES = join(SHARED_DIR, 'reference/iwmo/3.2/voorbeeldberichten');
const IJW_EXAMPLES = join(SHARED_DIR, 'reference/iwmo/ijw-3.2/voorbeeldberichten');
const present = existsSync(IWMO_EXAMPLES) && existsSync(IJW_EXAMPLES);
const title = present
  ? 'checkLevel2 on the official examples'
  : `checkLevel2 on the official examples (skipped: no example messages under ${SHARED_DIR})`;

function ruleIds(type: Parameters<typeof parseMessage>[0], xml: string): string[] {
  const violations = checkLevel2(parseMessage(type, xml), EMPTY_RULE_CONTEXT);
  return [...new Set(violations.map((violation) => violation.ruleId))].sort();
}

describe.skipIf(!present)(title, () => {
  describe('when the iWmo 3.2 example is WMO317', () => {
    it('reports TR380 only, on NieuwProduct/GewensteIngangsdatum', () => {
      const xml = readFileSync(join(IWMO_EXAMPLES, 'WMO317.xml'), 'utf8');
      const violations = checkLevel2(parseMessage('WMO317', xml), EMPTY_RULE_CONTEXT);
      expect(violations).toEqual([
        expect.objectContaining({
          ruleId: 'TR380',
          retourCode: '0001',
          location: '/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/GewensteIngangsdatum',
        }),
      ]);
    });
  });

  describe('when the iWmo 3.2 example is any other heen message', () => {
    it.each<HeenMessageType>(['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO319', 'WMO323'])(
      '%s has no level-2 violation',
      (type) => {
        expect(ruleIds(type, readFileSync(join(IWMO_EXAMPLES, `${type}.xml`), 'utf8'))).toEqual([]);
      },
    );
  });

  describe('when iJw examples are mapped onto iWmo', () => {
    it('reports CS003 only for JW317 (Einddatum before GewensteIngangsdatum)', () => {
      const xml = ijwToIwmo(readFileSync(join(IJW_EXAMPLES, 'JW317.xml'), 'utf8'));
      expect(ruleIds('WMO317', xml)).toEqual(['CS003']);
    });

    it('reports TR101 only for JW323 (a Prestatie key twice under one Client)', () => {
      const xml = ijwToIwmo(readFileSync(join(IJW_EXAMPLES, 'JW323.xml'), 'utf8'));
      expect(ruleIds('WMO323', xml)).toEqual(['TR101']);
    });

    it('reports nothing for JW325, whose credit totals add up (TR342)', () => {
      const xml = ijwToIwmo(readFileSync(join(IJW_EXAMPLES, 'JW325.xml'), 'utf8'));
      expect(ruleIds('WMO325', xml)).toEqual([]);
    });
  });
});
