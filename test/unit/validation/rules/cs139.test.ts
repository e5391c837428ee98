import { describe, expect, it } from 'vitest';

import { CS139 } from '../../../../src/validation/rules/cs139.js';
import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { wmo305 } from '../../../helpers/rules-messages.js';

const check = (Datum: string, DatumGebruik?: string) =>
  CS139.check(
    wmo305(DatumGebruik === undefined ? { Datum } : { Datum, DatumGebruik }, '2026-03-06'),
    EMPTY_RULE_CONTEXT,
  ).length;

describe('CS139', () => {
  it.each([
    ['1955-04-12', undefined],
    ['1955-04-01', '1'],
    ['1955-01-01', '2'],
    ['1900-01-01', '3'],
  ])('accepts %s with DatumGebruik %s', (datum, gebruik) => {
    expect(check(datum, gebruik)).toBe(0);
  });

  it.each([
    ['1955-04-12', '1'],
    ['1955-04-01', '2'],
    ['1955-01-01', '3'],
  ])('rejects %s with DatumGebruik %s', (datum, gebruik) => {
    expect(check(datum, gebruik)).toBe(1);
  });
});
