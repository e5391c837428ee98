import { describe, expect, it } from 'vitest';

import type { Wmo323Message } from '../../../../../src/model/index.js';
import {
  type ContractLineFacts,
  contractLineFacts,
  monthlyAmount,
} from '../../../../../src/validation/rules/support/contract-line-facts.js';
import { contractOf, gooiRaw, setOf } from '../../../contract/contract-fixtures.js';
import {
  credit,
  declared,
  delivery,
  maintenance,
  openDebet,
  registerView,
  start,
} from './contract-register.js';
import { priced } from './declarations.js';
import { SAMPLE_CONTRACTS } from './level4-fixtures.js';

function factsOf(
  msg: Wmo323Message,
  register = registerView(),
  contracts = SAMPLE_CONTRACTS,
  index = 0,
): ContractLineFacts | undefined {
  const client = msg.Declaratie.Clienten[0];
  const prestatie = client?.Prestaties[index];
  if (client === undefined || prestatie === undefined) {
    throw new Error('no such line');
  }
  return contractLineFacts(msg, client, prestatie, { contracts, register });
}

describe('contractLineFacts', () => {
  it('gives a delivery its contract, supplier, category, start, price and deadline', () => {
    const register = registerView({ starts: [start('2026-01-12')] });
    const facts = factsOf(declared([delivery('2026-01')]), register);
    expect(facts).toMatchObject({
      kind: 'delivery',
      product: { category: '1', iwmoCode: '11A01' },
      supplier: { agbCode: '12345678', rank: 1 },
      deliveryDate: '2026-01-12',
      invoiceDeadline: '2026-02-11',
      price: {
        cents: 69_967,
        year: 2026,
        baseCents: 62_000,
        indexation: {
          baseYear: 2022,
          applied: [
            { year: 2023, percent: 3.85 },
            { year: 2024, percent: 2.96 },
            { year: 2025, percent: 3.12 },
            { year: 2026, percent: 2.35 },
          ],
        },
      },
    });
    expect(facts?.contract.version.id).toBe('gooi-en-vechtstreek-hulpmiddelen');
    expect(facts?.register?.toewijzing?.toewijzingNummer).toBe('5001');
    expect(facts?.register?.start?.begindatum).toBe('2026-01-12');
  });

  it('prices a delivery in the year of its delivery date, not of its ProductPeriode', () => {
    const register = registerView({ starts: [start('2025-12-31')] });
    const facts = factsOf(declared([delivery('2026-01')]), register);
    expect(facts?.price).toMatchObject({ year: 2025, cents: 68_361 });
  });

  it('falls back to the ProductPeriode without a start, and has then no deadline', () => {
    const facts = factsOf(declared([delivery('2026-01')]));
    expect(facts?.price).toMatchObject({ year: 2026, cents: 69_967 });
    expect(facts?.deliveryDate).toBeUndefined();
    expect(facts?.invoiceDeadline).toBeUndefined();
  });

  it('gives maintenance its month, billable months, monthly amount and deadline', () => {
    const register = registerView({ starts: [start('2026-01-16', { stop: '2026-06-15' })] });
    const facts = factsOf(declared([maintenance('2026-03', 466)]), register);
    expect(facts).toMatchObject({
      kind: 'maintenance',
      month: '2026-03',
      billableMonths: { first: '2026-02', last: '2026-05' },
      invoiceDeadline: '2026-04-30',
      price: { cents: 466, perYearCents: 5_596, baseCents: 4_960, year: 2026 },
    });
    expect(facts?.register?.stop?.einddatum).toBe('2026-06-15');
  });

  it('picks the actual start behind the line and its actual stop', () => {
    const register = registerView({
      starts: [
        start('2026-01-05', { stop: '2026-02-20' }),
        start('2026-03-10', { deleted: true }),
        start('2026-04-02', { deletedStop: '2026-04-20' }),
        start('2026-09-01'),
      ],
    });
    const may = factsOf(declared([maintenance('2026-05', 466)]), register);
    expect(may?.register?.start?.begindatum).toBe('2026-04-02');
    expect(may?.register?.stop).toBeUndefined();
    const january = factsOf(declared([maintenance('2026-01', 466)]), register);
    expect(january?.register?.start?.begindatum).toBe('2026-01-05');
    expect(january?.register?.stop?.einddatum).toBe('2026-02-20');
    const onlyLater = registerView({ starts: [start('2026-09-01'), start('2026-08-01')] });
    const march = factsOf(declared([maintenance('2026-03', 466)]), onlyLater);
    expect(march?.register?.start?.begindatum).toBe('2026-08-01');
  });

  it('knows the other kinds of line: by quote, a unit tariff', () => {
    const quote = factsOf(
      declared([
        priced('11A13', '11', 184_000, { Begindatum: '2026-01-01', Einddatum: '2026-01-31' }),
      ]),
    );
    expect(quote).toMatchObject({ kind: 'by-quote' });
    expect(quote?.price).toBeUndefined();
    const lesson = factsOf(
      declared([
        priced('12A12', '12', 8_000, { Begindatum: '2026-01-01', Einddatum: '2026-01-31' }),
      ]),
    );
    expect(lesson).toMatchObject({ kind: 'unit', price: { cents: 8_000, baseCents: 8_000 } });
    expect(lesson?.price?.indexation).toBeUndefined();
  });

  it('has no facts for a credit, an uncovered line or a unit the contract does not price', () => {
    const msg = declared([
      credit('EARLIER-1', delivery('2026-01')),
      delivery('2026-01', { ProductCode: '11A04' }),
    ]);
    expect(factsOf(msg)).toBeUndefined();
    expect(
      factsOf(declared([maintenance('2026-01', 100, { ProductCode: '11A04' })])),
    ).toBeUndefined();
    expect(factsOf(declared([delivery('2026-01')], { gemeente: '0518' }))).toBeUndefined();
  });

  it('lists the open debets of the toewijzing and works without a register', () => {
    const debets = [openDebet()];
    const facts = factsOf(declared([delivery('2026-02')]), registerView({ openDebets: debets }));
    expect(facts?.register?.openDebets).toEqual(debets);
    const client = declared([delivery('2026-02')]).Declaratie.Clienten[0];
    const without = contractLineFacts(
      declared([delivery('2026-02')]),
      client as NonNullable<typeof client>,
      client?.Prestaties[0] as NonNullable<typeof client>['Prestaties'][number],
      { contracts: SAMPLE_CONTRACTS },
    );
    expect(without?.register).toBeUndefined();
    expect(without?.price?.cents).toBe(69_967);
  });

  it('has no toewijzing for a number of another client or supplier', () => {
    const other = registerView({
      toewijzingen: [
        {
          ...registerView().toewijzingen.get('5001'),
          aanbieder: '23456789',
        } as never,
      ],
    });
    expect(factsOf(declared([delivery('2026-01')]), other)?.register?.toewijzing).toBeUndefined();
  });

  describe('the monthly amount: a twelfth of the yearly tariff, half up to the cent', () => {
    it('rounds 500.5 up, 500.42 down and 500.92 up', () => {
      expect(monthlyAmount(6_006)).toBe(501);
      expect(monthlyAmount(6_005)).toBe(500);
      expect(monthlyAmount(6_011)).toBe(501);
      expect(monthlyAmount(6_000)).toBe(500);
    });

    it('divides the tariff already indexed to the year of the month', () => {
      const raw = gooiRaw();
      raw.indexation.percentages.push({ year: 2027, percent: 3.1 });
      const contracts = setOf(raw);
      const register = registerView({ starts: [start('2026-01-05')] });
      const december = factsOf(declared([maintenance('2026-12', 466)]), register, contracts);
      const january = factsOf(declared([maintenance('2027-01', 481)]), register, contracts);
      expect(december?.price).toMatchObject({ year: 2026, perYearCents: 5_596, cents: 466 });
      // 5596 × 1.031 = 5769.48 → 5769; 5769 / 12 = 480.75 → 481
      expect(january?.price).toMatchObject({ year: 2027, perYearCents: 5_769, cents: 481 });
      expect(contractOf(raw).indexation.get(2027)).toBe(310);
    });
  });
});
