import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { HEEN_MESSAGE_TYPES, type MessageType } from '../../../src/domain/message-types.js';
import { type ParsedMessage, parseMessage } from '../../../src/model/index.js';
import { checkLevel2, EMPTY_RULE_CONTEXT } from '../../../src/validation/rules/index.js';
import { createXsdValidator } from '../../../src/validation/xsd/index.js';
import { heenToRetour, retourTypeOf } from '../../helpers/model-retours.js';
import { listRuleSamples, PROJECT_SCHEMA_DIR } from '../../helpers/rules-samples.js';

const RETOUR_SAMPLES = join(import.meta.dirname, '../../../samples/retours');
const xsd = createXsdValidator(PROJECT_SCHEMA_DIR, 'libxml2-wasm');

afterAll(() => {
  xsd.close();
});

/** Every `RetourCodes` array in a parsed model, with the path of the class that holds it. */
function retourCodeHolders(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'RetourCodes' ? [path] : retourCodeHolders(child, `${path}/${key}`),
  );
}

describe('the retour model', () => {
  describe('when a heen sample is answered with a full-copy retour', () => {
    const valid = listRuleSamples().samples.filter((s) => s.kind === 'valid');
    for (const heen of HEEN_MESSAGE_TYPES) {
      const retour = retourTypeOf(heen);
      const sample = valid.find((s) => s.type === heen);
      if (retour === undefined || sample === undefined) {
        continue;
      }
      it(`reads ${retour} with RetourCodes on every class of ${heen}`, () => {
        const xml = heenToRetour(heen, readFileSync(sample.file, 'utf8'), '9063');
        const level1 = xsd.validate(retour, Buffer.from(xml));
        expect(level1.valid ? [] : level1.issues.map((issue) => issue.message)).toEqual([]);

        const msg = parseMessage(retour, xml);
        const original = parseMessage(heen, readFileSync(sample.file, 'utf8'));
        expect(msg.type).toBe(retour);
        expect(msg.header).toMatchObject({ ...original.header, BerichtCode: expect.any(String) });
        expect(msg.header).toMatchObject({
          IdentificatieRetour: 'R-UNIT-0001',
          RetourCodes: ['0200'],
        });
        const holders = retourCodeHolders(msg).filter((path) => path !== '/header');
        expect(holders.length).toBeGreaterThan(0);
        // Retour messages carry no level-2 rules of their own.
        expect(checkLevel2(msg, EMPTY_RULE_CONTEXT)).toEqual([]);
      });
    }
  });

  describe('when reading the golden retours', () => {
    const files = readdirSync(RETOUR_SAMPLES).filter((name) => /^WMO3\d\d-.*\.xml$/.test(name));

    it.each(files)('parses %s', (file) => {
      const type = file.slice(0, 6) as MessageType;
      const msg: ParsedMessage = parseMessage(
        type,
        readFileSync(join(RETOUR_SAMPLES, file), 'utf8'),
      );
      expect(msg.type).toBe(type);
      expect(msg.header.BerichtVersie).toBe('3');
    });
  });
});
