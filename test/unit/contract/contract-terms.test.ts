import { describe, expect, it } from 'vitest';

import {
  allowedUnits,
  firstGap,
  indexedAmount,
  intersect,
  tariffTerm,
} from '../../../src/contract/index.js';
import { contractOf, gooiRaw, setOf, voorbeeldRaw } from './contract-fixtures.js';

const gooi = contractOf(gooiRaw());
const voorbeeld = contractOf(voorbeeldRaw());

function product(contract: typeof gooi, code: string) {
  const found = contract.productsByCode.get(code);
  if (found === undefined) {
    throw new Error(code);
  }
  return found;
}

function supplier(contract: typeof gooi, agb: string) {
  const found = contract.suppliersByAgb.get(agb);
  if (found === undefined) {
    throw new Error(agb);
  }
  return found;
}

describe('firstGap', () => {
  const periods = [
    { start: '2026-01-01', end: '2026-01-15' },
    { start: '2026-01-16', end: '2026-01-20' },
    { start: '2026-01-25' },
  ];

  it('finds no gap where periods touch or stay open', () => {
    expect(firstGap(periods, '2026-01-01', '2026-01-20')).toBeUndefined();
    expect(firstGap(periods, '2026-01-25', '2099-12-31')).toBeUndefined();
  });

  it('names the first uncovered stretch', () => {
    expect(firstGap(periods, '2026-01-10', '2026-01-31')).toEqual({
      start: '2026-01-21',
      end: '2026-01-24',
    });
    expect(firstGap(periods, '2025-12-30', '2026-01-02')).toEqual({
      start: '2025-12-30',
      end: '2025-12-31',
    });
    expect(firstGap([], '2026-02-28', '2026-03-01')).toEqual({
      start: '2026-02-28',
      end: '2026-03-01',
    });
  });
});

describe('intersect', () => {
  it('keeps the overlap of every pair, open ends included', () => {
    expect(
      intersect(
        [
          { start: '2022-04-01', end: '2026-03-31' },
          { start: '2026-04-01', end: '2028-03-31' },
        ],
        [{ start: '2026-01-01' }],
      ),
    ).toEqual([
      { start: '2026-01-01', end: '2026-03-31' },
      { start: '2026-04-01', end: '2028-03-31' },
    ]);
    expect(
      intersect([{ start: '2026-01-01', end: '2026-01-31' }], [{ start: '2026-02-01' }]),
    ).toEqual([]);
  });
});

describe('indexedAmount', () => {
  it('keeps the base price up to the base year and indexes from 1 January after it', () => {
    expect(indexedAmount(gooi, 62_000, 2021)).toBe(62_000);
    expect(indexedAmount(gooi, 62_000, 2022)).toBe(62_000);
    expect(indexedAmount(gooi, 62_000, 2023)).toBe(64_387);
    expect(indexedAmount(gooi, 62_000, 2026)).toBe(69_967);
    expect(indexedAmount(gooi, 62_000, 2030)).toBe(69_967);
  });
});

describe('tariffTerm', () => {
  const s1 = supplier(gooi, '12345678');

  it('gives the indexed delivery price of an all-in product in the delivery unit', () => {
    expect(tariffTerm(gooi, s1, product(gooi, '11A01'), '82', '2026-01-01')).toEqual({
      kind: 'tariff',
      cents: 69_967,
      basis: 'delivery',
    });
  });

  it('calls a line in the maintenance unit maintenance, with the indexed yearly tariff', () => {
    expect(tariffTerm(gooi, s1, product(gooi, '11A01'), '83', '2025-12-31')).toEqual({
      kind: 'maintenance',
      perYearCents: 5_468,
    });
  });

  it('knows the orthosis has no maintenance unit and category 7 is priced by quote', () => {
    expect(allowedUnits(gooi, product(gooi, '11A04'))).toEqual(['82']);
    expect(tariffTerm(gooi, s1, product(gooi, '11A04'), '83', '2026-01-01')).toEqual({
      kind: 'wrong-unit',
      allowed: ['82'],
    });
    expect(tariffTerm(gooi, s1, product(gooi, '11A13'), '82', '2026-01-01')).toEqual({
      kind: 'by-quote',
      discountPercent: 20,
    });
  });

  it('derives the minute tariff of an hourly tariff (IV081) and keeps euro amounts untariffed', () => {
    const care = supplier(voorbeeld, '12345678');
    expect(tariffTerm(voorbeeld, care, product(voorbeeld, '01A01'), '01', '2026-03-01')).toEqual({
      kind: 'tariff',
      cents: 53,
      basis: 'minute-of-hour',
      hourCents: 3_200,
    });
    expect(tariffTerm(voorbeeld, care, product(voorbeeld, '14X01'), '83', '2026-03-01')).toEqual({
      kind: 'euro-amount',
    });
  });
});

describe('ContractSet.resolve', () => {
  const set = setOf();
  const base = {
    gemeente: '0402',
    supplier: '12345678',
    iwmoCategory: '11',
    iwmoCode: '11A01',
    begin: '2026-01-01',
    end: '2026-01-31',
  };

  it('says which contract, supplier and product a covered line falls under', () => {
    const resolution = set.resolve(base);
    expect(resolution.kind).toBe('contracted');
    if (resolution.kind === 'contracted') {
      expect(resolution.contract.terms.id).toBe('gooi-en-vechtstreek-hulpmiddelen');
      expect(resolution.product.category).toBe('1');
    }
  });

  it('tells apart an ungoverned category, a missing code and a missing contract', () => {
    expect(set.resolve({ ...base, iwmoCategory: '01', iwmoCode: '01A01' }).kind).toBe(
      'not-governed',
    );
    expect(set.resolve({ ...base, iwmoCode: '11A99' }).kind).toBe('not-in-catalogue');
    expect(set.resolve({ ...base, supplier: '99999999' }).kind).toBe('not-contracted');
    expect(set.resolve({ ...base, gemeente: '0518' }).kind).toBe('not-governed');
  });

  it('lists the categories of a code per gemeente', () => {
    expect([...(set.categoriesOfCode('0402', '12A12') ?? [])]).toEqual(['12']);
    expect(set.categoriesOfCode('0363', '12A12')).toBeUndefined();
  });
});
