import { describe, expect, it } from 'vitest';

import {
  decisionRecordSection,
  euro,
  MAX_DECISION_ROWS,
} from '../../../src/console/pages/decision-record-table.js';
import type { DecisionRecord, PrestatieDecision } from '../../../src/validation/decision-record.js';

const VERSION = {
  id: 'voorbeeld-amsterdam-diemen-wmo',
  version: '2026.1',
  sha256: 'ab'.repeat(32),
};

function prestatie(n: number, extra: Partial<PrestatieDecision> = {}): PrestatieDecision {
  return {
    location: `/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[${n}]`,
    referentieNummer: `RN-${n}`,
    debetCredit: 'D',
    toewijzingNummer: '280001',
    productCategorie: '02',
    productCode: '02A03',
    eenheid: '04',
    begin: '2026-02-01',
    end: '2026-02-28',
    ingediendBedrag: 39_000,
    outcome: 'granted',
    ruleIds: [],
    retourCodes: [],
    allocation: {
      messageId: '0b6f0000-0000-4000-8000-000000000001',
      identificatie: 'G1',
      ingangsdatum: '2026-01-01',
      einddatum: '2026-12-31',
      budget: 123_456,
    },
    start: { begindatum: '2026-01-05', identificatie: 'A2' },
    stop: { einddatum: '2026-03-31', redenBeeindiging: '19', identificatie: 'A3' },
    contract: {
      version: VERSION,
      category: 'bg-regulier',
      supplierRank: 1,
      kind: 'unit',
      basePrice: 3_800,
      indexedPrice: 3_900,
      priceYear: 2026,
      indexation: { baseYear: 2025, applied: [{ year: 2026, percent: 2.63 }] },
    },
    flags: [],
    ...extra,
  };
}

function record(prestaties: readonly PrestatieDecision[]): DecisionRecord {
  return { judgedOn: '2026-06-15', contractVersions: [VERSION], prestaties };
}

describe('decisionRecordSection', () => {
  it('renders one accessible table row per Prestatie with what it was checked against', () => {
    const text = decisionRecordSection(
      record([
        prestatie(1),
        prestatie(2, {
          outcome: 'refused',
          ruleIds: ['TR418'],
          retourCodes: ['0611'],
          flags: ['late-invoice'],
        }),
      ]),
    ).value;
    expect(text).toContain('<caption>');
    expect(text.match(/<th scope="col"/g)).toHaveLength(9);
    expect(text.match(/<th scope="row">/g)).toHaveLength(2);
    for (const expected of [
      'Prestatie[2]',
      'refused',
      'TR418 (0611)',
      'late-invoice',
      '2026-01-01–2026-12-31',
      'budget € 1.234,56',
      'href="/console/messages/0b6f0000-0000-4000-8000-000000000001"',
      '2026-01-05 (A2)',
      '2026-03-31 reden 19 (A3)',
      'voorbeeld-amsterdam-diemen-wmo@2026.1 sha256:abababababababab',
      '€ 39,00 (2026)',
      'base 2025 € 38,00, 2026 +2.63 %',
      '1 granted, 1 refused',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('escapes what the message brought in', () => {
    const text = decisionRecordSection(record([prestatie(1, { referentieNummer: '<b>x</b>' })]));
    expect(text.value).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('shows the refused Prestaties first when a declaration is too large to list', () => {
    const many = Array.from({ length: MAX_DECISION_ROWS + 5 }, (_, i) =>
      prestatie(
        i + 1,
        i === MAX_DECISION_ROWS + 4 ? { outcome: 'refused', ruleIds: ['TR338'] } : {},
      ),
    );
    const text = decisionRecordSection(record(many)).value;
    expect(text.match(/<th scope="row">/g)).toHaveLength(MAX_DECISION_ROWS);
    expect(text).toContain(`Prestatie[${MAX_DECISION_ROWS + 5}]`);
    expect(text).toContain(`the first ${MAX_DECISION_ROWS} of ${MAX_DECISION_ROWS + 5}`);
  });

  it('formats eurocents the Dutch way', () => {
    expect(euro(0)).toBe('€ 0,00');
    expect(euro(123_456_789)).toBe('€ 1.234.567,89');
    expect(euro(-5)).toBe('-€ 0,05');
  });
});
