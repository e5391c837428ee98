import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { formatContractVersion, parseContract } from '../../../src/contract/index.js';
import { contractOf, GOOI_FILE, gooiRaw, problemsOf, supplierRaw } from './contract-fixtures.js';

describe('the Gooi en Vechtstreek sample contract', () => {
  const contract = contractOf(gooiRaw());
  const terms = contract.terms;

  it('is marked as sample data', () => {
    expect(terms.sample).toBe(true);
    expect(terms.$comment).toMatch(/^SAMPLE DATA/);
  });

  it('has the seven municipalities of the region with their CBS codes, and not Weesp', () => {
    expect(terms.municipalities.map((m) => m.cbsCode).sort()).toEqual([
      '0317',
      '0376',
      '0402',
      '0406',
      '0417',
      '1696',
      '1942',
    ]);
  });

  it('has the initial period and the two options of §1.8', () => {
    expect(terms.phases.map((p) => [p.kind, p.start, p.end])).toEqual([
      ['initial', '2022-04-01', '2026-03-31'],
      ['option', '2026-04-01', '2028-03-31'],
      ['option', '2028-04-01', '2030-03-31'],
    ]);
  });

  it('lists all 30 categories and the driving lesson, each with its iWmo code', () => {
    expect(terms.catalogue).toHaveLength(31);
    const codes = terms.catalogue.map((p) => p.iwmoCode);
    expect(codes).toContain('11A01');
    expect(codes).toContain('13A06');
    const lesson = contract.productsByCode.get('12A12');
    expect(lesson?.pricing).toEqual({
      $comment: expect.any(String),
      model: 'fixed-per-unit',
      unit: '82',
      tariff: 8000,
      indexed: false,
    });
    const quoted = terms.catalogue.filter((p) => p.pricing.model === 'bcp-discount');
    expect(quoted.map((p) => p.category)).toEqual(['7', '13', '16']);
    expect(contract.productsByCode.get('11A04')?.pricing).toMatchObject({ maintenance: false });
  });

  it('has three fictitious suppliers ranked 1 to 3', () => {
    expect(terms.suppliers.map((s) => [s.agbCode, s.rank])).toEqual([
      ['12345678', 1],
      ['23456789', 2],
      ['34567890', 3],
    ]);
  });

  it('records its version and the hash of its bytes', () => {
    const bytes = readFileSync(GOOI_FILE);
    const parsed = parseContract(bytes, 'yaml');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.contract.version.version).toBe('2026.1');
      expect(parsed.contract.version.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(formatContractVersion(parsed.contract.version)).toMatch(
        /^gooi-en-vechtstreek-hulpmiddelen@2026\.1 sha256:[0-9a-f]{16}$/,
      );
    }
  });

  it('is deep-frozen', () => {
    expect(Object.isFrozen(terms)).toBe(true);
    expect(Object.isFrozen(terms.suppliers[0]?.prices)).toBe(true);
  });

  describe('when a byte changes but the version does not', () => {
    it('has another hash', () => {
      const a = parseContract(JSON.stringify(gooiRaw()));
      const b = parseContract(`${JSON.stringify(gooiRaw())}\n`);
      expect(a.ok && b.ok && a.contract.version.sha256 !== b.contract.version.sha256).toBe(true);
    });
  });

  describe('when the file breaks the schema in several places', () => {
    it('lists every problem with its path', () => {
      const raw = gooiRaw();
      raw['version'] = '';
      (raw.municipalities[0] as Record<string, unknown>)['cbsCode'] = '376';
      supplierRaw(raw, '12345678').prices['1'] = { delivery: 620.5, maintenancePerYear: 4960 };
      raw['colour'] = 'blue';
      const problems = problemsOf(raw);
      expect(problems).toHaveLength(5);
      expect(problems.at(-1)).toMatch(/consistency rules are checked once/);
      expect(problems.join('\n')).toContain('→ at version');
      expect(problems.join('\n')).toContain('→ at municipalities[0].cbsCode');
      expect(problems.join('\n')).toContain('→ at suppliers[0].prices.1.delivery');
      expect(problems.join('\n')).toContain('Unrecognized key: "colour"');
    });
  });

  describe('when the file is not JSON', () => {
    it('says so', () => {
      const result = parseContract('{ "format": ');
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.problems[0]).toMatch(/^✖ not JSON/);
    });
  });
});
