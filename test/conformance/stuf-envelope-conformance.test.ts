import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EnvelopeSchema } from '../../src/stuf/index.js';
import { type EnvelopeCase, envelopeCases } from './stuf-envelope-cases.js';

/**
 * The project's envelope schemas (schemas/stuf-ggk0210) must judge every StUF-GGk message exactly
 * as the official ggk0210 2.1 patch 04 schemas do: the official examples, the gateway's own
 * golden messages (samples/stuf) and systematic mutations of all of them go through both and
 * only the verdict is compared. The official files are read from ../shared, never copied.
 */

const OFFICIAL_DIR = resolve(process.cwd(), '../shared/reference/iwmo/stuf-ggk0210-2.1.04/ggk0210');
const EXAMPLES_DIR = join(OFFICIAL_DIR, 'voorbeeldberichten');
const SAMPLES_DIR = resolve(process.cwd(), 'samples/stuf');
const present = existsSync(EXAMPLES_DIR);
const MISSING_REASON = `skipped: official StUF-GGk files not found at ${OFFICIAL_DIR}`;

/** Bare messages only (the official set has no SOAP schema): Di01, Du01, Bv03, Fo01. */
const BASES: readonly { label: string; xml: string }[] = present
  ? [
      ...readdirSync(EXAMPLES_DIR)
        .sort()
        .map((name) => ({
          label: `official ${name}`,
          xml: readFileSync(join(EXAMPLES_DIR, name), 'utf8'),
        })),
      ...readdirSync(SAMPLES_DIR)
        .filter((name) => !name.startsWith('soap'))
        .sort()
        .map((name) => ({
          label: `samples/stuf/${name}`,
          xml: readFileSync(join(SAMPLES_DIR, name), 'utf8'),
        })),
    ]
  : [];
const CASES: readonly EnvelopeCase[] = BASES.flatMap((b) => envelopeCases(b.label, b.xml));

/** The official schemas, compiled from ../shared with an in-memory entry that imports ggk0210. */
function compileOfficial(): EnvelopeSchema {
  const files = new Map<string, Uint8Array>();
  for (const path of [
    'ggk0210/ggkberichten/ggk0210_msg_ggkberichten.xsd',
    'ggk0210/ggkberichten/ggk0210_stuf0301_msg_ggkberichten.xsd',
    '0301/stuf0301.xsd',
  ]) {
    files.set(path, readFileSync(join(OFFICIAL_DIR, path)));
  }
  files.set(
    'entry.xsd',
    Buffer.from(
      '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="http://www.stufstandaarden.nl/koppelvlak/ggk0210" schemaLocation="ggk0210/ggkberichten/ggk0210_msg_ggkberichten.xsd"/></xs:schema>',
    ),
  );
  return EnvelopeSchema.fromFiles(files, 'entry.xsd');
}

describe.skipIf(!present)(
  present
    ? `project envelope XSDs agree with the official StUF-GGk 2.1.04 XSDs on ${CASES.length} cases`
    : `project envelope XSDs vs official: ${MISSING_REASON}`,
  () => {
    let project: EnvelopeSchema;
    let official: EnvelopeSchema;
    beforeAll(() => {
      project = EnvelopeSchema.fromDir();
      official = compileOfficial();
    });
    afterAll(() => {
      project.close();
      official.close();
    });

    it('accepts every official example and every bare golden message with both schemas', () => {
      for (const base of BASES) {
        const xml = Buffer.from(base.xml);
        expect(official.validate(xml), base.label).toEqual({ valid: true });
        expect(project.validate(xml), base.label).toEqual({ valid: true });
      }
      expect(BASES.filter((b) => b.label.startsWith('official')).length).toBe(4);
    });

    it(`gives the official verdict on all ${CASES.length} cases`, () => {
      let valid = 0;
      const mismatches: string[] = [];
      for (const testCase of CASES) {
        const xml = Buffer.from(testCase.xml);
        const expected = official.validate(xml);
        const actual = project.validate(xml);
        valid += expected.valid ? 1 : 0;
        if (expected.valid !== actual.valid) {
          const judged = actual.valid ? expected : actual;
          mismatches.push(
            `${testCase.name}: official ${expected.valid ? 'valid' : 'invalid'}, project ${actual.valid ? 'valid' : 'invalid'}${judged.valid ? '' : ` (${judged.issues[0]?.message ?? ''})`}`,
          );
        }
      }
      // eslint-disable-next-line no-console -- the case count is part of the suite's report
      console.log(
        `StUF-GGk envelope conformance: ${CASES.length} cases from ${BASES.length} base documents (${valid} valid, ${CASES.length - valid} invalid per the official XSDs)`,
      );
      expect(mismatches).toEqual([]);
      // Both verdicts must occur, or the mutations would not exercise the schemas.
      expect(valid).toBeGreaterThan(0);
      expect(CASES.length - valid).toBeGreaterThan(0);
    }, 120_000);
  },
);

if (!present) {
  // eslint-disable-next-line no-console -- visible reason for the skipped suite
  console.warn(`StUF-GGk envelope conformance ${MISSING_REASON}`);
}
