import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import {
  contractFormatOf,
  ContractRegistry,
  MAX_CONTRACT_BYTES,
  parseContract,
} from '../../../src/contract/index.js';
import { GatewayError } from '../../../src/errors/index.js';
import { GOOI_FILE, gooiRaw, VOORBEELD_FILE, voorbeeldRaw } from './contract-fixtures.js';

/** The JSON sample the YAML file replaced (samples/contracts/gooi-en-vechtstreek.json, 2026.1). */
const CONVERTED_FROM = join(import.meta.dirname, 'fixtures/gooi-en-vechtstreek-2026.1.json');

function problemsOfYaml(text: string): readonly string[] {
  const result = parseContract(text, 'yaml');
  return result.ok ? [] : result.problems;
}

describe('YAML contract files', () => {
  describe('the Gooi en Vechtstreek sample in YAML', () => {
    it('parses to exactly the terms of the JSON file it replaced', () => {
      // When the sample is changed on purpose (a new version), this fixture goes with it.
      const yaml = parseContract(readFileSync(GOOI_FILE), 'yaml');
      const json = parseContract(readFileSync(CONVERTED_FROM), 'json');
      if (!yaml.ok || !json.ok) {
        throw new Error('both must be valid');
      }
      expect(yaml.contract.terms).toStrictEqual(json.contract.terms);
      expect(yaml.contract.version.version).toBe('2026.1');
    });

    it('is marked as sample data in a comment at the top and in the data', () => {
      const text = readFileSync(GOOI_FILE, 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# SAMPLE DATA/);
      expect(gooiRaw()['sample']).toBe(true);
    });

    it('hashes its own bytes, not the data (a comment changes the version hash)', () => {
      const bytes = readFileSync(GOOI_FILE, 'utf8');
      const a = parseContract(bytes, 'yaml');
      const b = parseContract(`${bytes}# a comment\n`, 'yaml');
      expect(a.ok && b.ok).toBe(true);
      if (a.ok && b.ok) {
        expect(a.contract.version.sha256).not.toBe(b.contract.version.sha256);
        expect(a.contract.terms).toStrictEqual(b.contract.terms);
      }
    });
  });

  describe('when the YAML has a syntax error', () => {
    it('names the line and column', () => {
      const text = readFileSync(GOOI_FILE, 'utf8').replace(
        'id: gooi-en-vechtstreek-hulpmiddelen',
        'id: gooi: en-vechtstreek-hulpmiddelen',
      );
      const line = text.split('\n').indexOf('id: gooi: en-vechtstreek-hulpmiddelen') + 1;
      expect(line).toBeGreaterThan(1);
      expect(problemsOfYaml(text)).toEqual([
        `✖ not YAML, line ${line} column 5 (BLOCK_AS_IMPLICIT_KEY): Nested mappings are not allowed in compact mappings`,
      ]);
    });

    it('refuses duplicate keys with their line', () => {
      expect(problemsOfYaml('id: a\nversion: "1"\nid: b\n')).toEqual([
        expect.stringMatching(/^✖ not YAML, line 3 column 1 \(DUPLICATE_KEY\)/),
      ]);
    });

    it('refuses a second document', () => {
      expect(problemsOfYaml('id: a\n---\nid: b\n')[0]).toMatch(/MULTIPLE_DOCS/);
    });
  });

  describe('when the YAML tries more than plain data', () => {
    it('refuses an alias bomb (billion laughs) before the schema walks it', () => {
      const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
      for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
        const previous = String.fromCharCode('a'.charCodeAt(0) + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
      }
      const started = performance.now();
      const problems = problemsOfYaml(`${levels.join('\n')}\n`);
      expect(problems).toEqual([expect.stringMatching(/^✖ not YAML: more than \d+ alias/)]);
      expect(performance.now() - started).toBeLessThan(1_000);
    });

    it('still allows a few aliases, e.g. one pricing block shared by products', () => {
      const raw = gooiRaw();
      const text = stringify(raw, { aliasDuplicateObjects: false }).replace(
        /^(\s+)pricing:\n\s+model: all-in\n\s+maintenance: true$/m,
        '$1pricing: &allin\n$1  model: all-in\n$1  maintenance: true',
      );
      const shared = text.replace(
        /(\n\s+)pricing:\n\s+model: all-in\n\s+maintenance: true(?=\n)/g,
        '$1pricing: *allin',
      );
      expect(shared).toContain('pricing: *allin');
      const result = parseContract(shared, 'yaml');
      expect(result.ok ? [] : result.problems).toEqual([]);
    });

    it.each([
      ['a JavaScript function tag', 'id: !!js/function "function () {}"\n'],
      ['a custom tag', 'id: !contract x\n'],
      ['a YAML 1.1 timestamp tag', 'start: !!timestamp 2022-04-01\n'],
      ['a YAML 1.1 binary tag', 'id: !!binary aGVsbG8=\n'],
    ])('refuses %s', (_, text) => {
      expect(problemsOfYaml(text)).toEqual([
        expect.stringMatching(/^✖ not YAML, line 1 column \d+ \(TAG_RESOLVE_FAILED\)/),
      ]);
    });

    it('refuses a merge key with its line', () => {
      expect(problemsOfYaml('base: &b { min: 5 }\nlimits:\n  <<: *b\n')).toEqual([
        expect.stringMatching(/^✖ not YAML, line 3 column 3 \(MERGE_KEY\)/),
      ]);
    });

    it('refuses a %YAML 1.1 document, whose schema would read dates and merge keys', () => {
      expect(problemsOfYaml('%YAML 1.1\n---\nid: a\n')).toEqual([
        '✖ not YAML 1.2: the file declares %YAML 1.1',
      ]);
    });

    it('refuses a file above the size limit, as for JSON', () => {
      const big = `# ${'x'.repeat(MAX_CONTRACT_BYTES)}\nid: a\n`;
      expect(problemsOfYaml(big)).toEqual([expect.stringMatching(/^✖ too large/)]);
      const result = parseContract(`${JSON.stringify(gooiRaw())}${' '.repeat(MAX_CONTRACT_BYTES)}`);
      expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/^✖ too large/)]);
    });
  });

  describe('when a code is written as a bare number', () => {
    it('reports it through the schema (the core schema reads 0376 as 376)', () => {
      const text = readFileSync(GOOI_FILE, 'utf8').replace('cbsCode: "0376"', 'cbsCode: 0376');
      expect(problemsOfYaml(text).join('\n')).toContain('→ at municipalities[0].cbsCode');
    });
  });

  describe('contractFormatOf', () => {
    it.each([
      ['gooi.json', 'json'],
      ['gooi.yaml', 'yaml'],
      ['gooi.yml', 'yaml'],
      ['GOOI.YML', 'yaml'],
      ['gooi.yaml.tmp', undefined],
      ['gooi', undefined],
    ])('reads %s as %s', (file, format) => {
      expect(contractFormatOf(file)).toBe(format);
    });
  });
});

describe('ContractRegistry with YAML files', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'contracts-yaml-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads a .json and a .yaml contract from one directory, and ignores other names', () => {
    writeFileSync(join(dir, 'gooi.yaml'), readFileSync(GOOI_FILE));
    writeFileSync(join(dir, 'voorbeeld.json'), readFileSync(VOORBEELD_FILE));
    writeFileSync(join(dir, 'gooi.yaml.tmp'), 'half written');
    const registry = ContractRegistry.open({ source: { dir } });
    expect(registry.current().contracts.map((c) => c.terms.id)).toEqual([
      'gooi-en-vechtstreek-hulpmiddelen',
      'voorbeeld-amsterdam-diemen-wmo',
    ]);
  });

  it('loads a .yml file', () => {
    writeFileSync(join(dir, 'voorbeeld.yml'), stringify(voorbeeldRaw()));
    const set = ContractRegistry.open({ source: { dir } }).current();
    expect(set.versionsFor('0363').map((v) => v.id)).toEqual(['voorbeeld-amsterdam-diemen-wmo']);
  });

  it('refuses the same contract id in a .json and a .yaml file', () => {
    writeFileSync(join(dir, 'gooi.json'), JSON.stringify(gooiRaw()));
    writeFileSync(join(dir, 'gooi.yaml'), readFileSync(GOOI_FILE));
    expect(() => ContractRegistry.open({ source: { dir } })).toThrow(/is also loaded from/);
  });

  it('names the file and the line of a YAML syntax error at start', () => {
    writeFileSync(join(dir, 'gooi.yaml'), 'id: a\nversion: "1" x\n');
    let error: unknown;
    try {
      ContractRegistry.open({ source: { dir } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).message).toMatch(
      /gooi\.yaml:\n✖ not YAML, line 2 column 14 \(UNEXPECTED_TOKEN\)/,
    );
  });

  it('keeps the last valid YAML version when a reload finds it broken, and takes a fixed one', () => {
    const file = join(dir, 'gooi.yaml');
    writeFileSync(file, readFileSync(GOOI_FILE));
    const registry = ContractRegistry.open({ source: { dir } });
    const before = registry.current();
    writeFileSync(file, `${readFileSync(GOOI_FILE, 'utf8')}\n  broken: [\n`);
    expect(registry.reload().rejected[0]?.problems[0]).toMatch(/^✖ not YAML, line \d+/);
    expect(registry.current()).toBe(before);
    const raw = gooiRaw();
    raw['version'] = '2026.2';
    writeFileSync(file, stringify(raw));
    expect(registry.reload().loaded).toEqual([file]);
    expect(registry.current().versionsFor('0402')[0]?.version).toBe('2026.2');
  });

  it('refuses a listed file whose name is no contract notation', () => {
    const file = join(dir, 'gooi.txt');
    writeFileSync(file, readFileSync(GOOI_FILE));
    expect(() => ContractRegistry.open({ source: { files: [file] } })).toThrow(
      /must end in \.json, \.yaml or \.yml/,
    );
  });
});
