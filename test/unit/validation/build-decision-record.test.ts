import { describe, expect, it } from 'vitest';

import {
  canonicalNummer,
  type ClientRegisterView,
  EMPTY_REGISTER_VIEW,
  leveringGroupKey,
  type RegisterView,
  type StartRecord,
  type ToewijzingVersion,
} from '../../../src/domain/register/index.js';
import type { Wmo323Message, Wmo323Prestatie } from '../../../src/model/index.js';
import { buildDecisionRecord } from '../../../src/validation/build-decision-record.js';
import type { Violation } from '../../../src/validation/violation.js';
import { client323, positioned, wmo323 } from '../../helpers/rules-messages.js';
import { line, on } from './rules/level4/declarations.js';
import { SAMPLE_CONTRACTS } from './rules/level4/level4-fixtures.js';

/**
 * Supplier 12345678 declares to Hilversum (0402) under the sample Gooi en Vechtstreek contract: a
 * wheelchair (11A01, contract category 1) on toewijzing 5001, delivered on 2026-01-12.
 */
const SUPPLIER = '12345678';
const BSN = '999990019';
const OTHER_BSN = '999990020';
const NUMMER = '5001';
const TODAY = '2026-07-01';

function toewijzing(extra: Partial<ToewijzingVersion> = {}): ToewijzingVersion {
  return {
    toewijzingNummer: NUMMER,
    aanbieder: SUPPLIER,
    clientId: 'c1',
    toewijzingsdatum: '2025-12-20',
    toewijzingstijd: '09:00:00',
    ingangsdatum: '2026-01-01',
    einddatum: '2026-12-31',
    product: { categorie: '11', code: '11A01' },
    budget: 150_000,
    identificatie: 'G-301-1',
    messageId: 'msg-301',
    ...extra,
  };
}

function start(begindatum: string, stop?: string): StartRecord {
  return {
    key: `${NUMMER}|${begindatum}`,
    toewijzingNummer: NUMMER,
    product: { categorie: '11', code: '11A01' },
    begindatum,
    deleted: false,
    stops:
      stop === undefined
        ? []
        : [{ redenBeeindiging: '02', einddatum: stop, deleted: false, identificatie: 'U-307' }],
    identificatie: 'U-305',
  };
}

function view(starts: readonly StartRecord[] = [start('2026-01-12')]): RegisterView {
  const client: ClientRegisterView = {
    clientId: 'c1',
    known: true,
    toewijzingNummers: [NUMMER],
    pendingVerzoeken: [],
    leveringen: new Map([[leveringGroupKey(NUMMER), { starts }]]),
  };
  return {
    ...EMPTY_REGISTER_VIEW,
    toewijzingen: new Map([[canonicalNummer(NUMMER), toewijzing()]]),
    clients: new Map([[BSN, client]]),
  };
}

function delivery(referentie: string, overrides: Partial<Wmo323Prestatie> = {}): Wmo323Prestatie {
  return line({
    ProductReferentie: { ReferentieNummer: referentie },
    ToewijzingNummer: NUMMER,
    ProductPeriode: on('2026-01-12'),
    ...overrides,
  });
}

function declaration(...clienten: (readonly Wmo323Prestatie[])[]): Wmo323Message {
  const msg = wmo323(
    clienten.map((prestaties, i) => client323(prestaties, i === 0 ? BSN : OTHER_BSN)),
    { dagtekening: '2026-02-02' },
  );
  return {
    ...msg,
    header: { ...msg.header, Afzender: SUPPLIER, Ontvanger: '0402' },
    Declaratie: { ...msg.Declaratie, Clienten: positioned(msg.Declaratie.Clienten) },
  };
}

function violation(ruleId: string, retourCode: string, location: string): Violation {
  return { ruleId, retourCode, level: 4, location };
}

const P1 = '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[1]';
const P2 = '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]';

describe('buildDecisionRecord', () => {
  describe('when a declaration has a granted and a refused delivery', () => {
    const msg = declaration([
      delivery('RN-1'),
      delivery('RN-2', {
        ProductTarief: 70_000,
        IngediendBedrag: { Bedrag: 70_000, DebetCredit: 'D' },
      }),
    ]);
    const record = buildDecisionRecord(msg, {
      view: view(),
      contracts: SAMPLE_CONTRACTS,
      today: TODAY,
      violations: [violation('TR418', '0611', `${P2}/ProductTarief`)],
    });

    it('records the day and the contract versions of the gemeente', () => {
      expect(record.judgedOn).toBe(TODAY);
      expect(record.contractVersions.map((v) => v.id)).toEqual(
        SAMPLE_CONTRACTS.versionsFor('0402').map((v) => v.id),
      );
      expect(record.contractVersions.length).toBeGreaterThan(0);
    });

    it('lists every Prestatie with its outcome and the rules that refused it', () => {
      expect(
        record.prestaties.map((p) => [p.location, p.outcome, p.ruleIds, p.retourCodes]),
      ).toEqual([
        [P1, 'granted', [], []],
        [P2, 'refused', ['TR418'], ['0611']],
      ]);
    });

    it('names the toewijzing, the start and the contract terms it was checked against', () => {
      const [granted] = record.prestaties;
      expect(granted).toMatchObject({
        referentieNummer: 'RN-1',
        debetCredit: 'D',
        toewijzingNummer: NUMMER,
        productCategorie: '11',
        productCode: '11A01',
        eenheid: '82',
        begin: '2026-01-12',
        end: '2026-01-12',
        ingediendBedrag: 69_967,
        allocation: {
          messageId: 'msg-301',
          identificatie: 'G-301-1',
          ingangsdatum: '2026-01-01',
          einddatum: '2026-12-31',
          productCategorie: '11',
          productCode: '11A01',
          budget: 150_000,
        },
        start: { begindatum: '2026-01-12', identificatie: 'U-305' },
        contract: {
          category: '1',
          supplierRank: 1,
          kind: 'delivery',
          basePrice: 62_000,
          indexedPrice: 69_967,
          priceYear: 2026,
          indexation: {
            baseYear: 2022,
            applied: [
              { year: 2023, percent: 3.85 },
              { year: 2024, percent: 2.96 },
              { year: 2025, percent: 3.12 },
              { year: 2026, percent: 2.35 },
            ],
          },
          invoiceDeadline: '2026-02-11',
        },
        flags: [],
      });
      expect(granted?.stop).toBeUndefined();
      expect(granted?.contract?.version).toEqual(record.contractVersions[0]);
    });

    it('holds no BSN', () => {
      expect(JSON.stringify(record)).not.toContain(BSN);
    });
  });

  describe('when the aid was taken back', () => {
    it('records the stop and, for maintenance, the billable months', () => {
      const msg = declaration([
        delivery('RN-1', {
          Eenheid: '83',
          ProductPeriode: { Begindatum: '2026-03-01', Einddatum: '2026-03-31' },
          GeleverdVolume: 438,
          IngediendBedrag: { Bedrag: 438, DebetCredit: 'D' },
        }),
      ]);
      const { ProductTarief: _omitted, ...maintenance } =
        msg.Declaratie.Clienten[0]!.Prestaties[0]!;
      const record = buildDecisionRecord(declaration([{ ...maintenance, position: 1 }]), {
        view: view([start('2026-01-20', '2026-05-10')]),
        contracts: SAMPLE_CONTRACTS,
        today: TODAY,
        violations: [],
      });
      expect(record.prestaties[0]).toMatchObject({
        outcome: 'granted',
        start: { begindatum: '2026-01-20' },
        stop: { einddatum: '2026-05-10', redenBeeindiging: '02', identificatie: 'U-307' },
        contract: {
          kind: 'maintenance',
          billableMonths: { first: '2026-02', last: '2026-04' },
          invoiceDeadline: '2026-04-30',
        },
      });
    });
  });

  describe('when a line is priced by quote', () => {
    it('flags it price-by-quote and sets no price', () => {
      const record = buildDecisionRecord(
        declaration([delivery('RN-1', { ProductCode: '11A13' })]),
        { view: view(), contracts: SAMPLE_CONTRACTS, today: TODAY, violations: [] },
      );
      expect(record.prestaties[0]?.flags).toContain('price-by-quote');
      expect(record.prestaties[0]?.contract).toMatchObject({ kind: 'by-quote', category: '7' });
      expect(record.prestaties[0]?.contract?.indexedPrice).toBeUndefined();
    });
  });

  describe('when a Client or the Header is in error', () => {
    const msg = declaration(
      [delivery('RN-1'), delivery('RN-2', { ProductPeriode: on('2026-01-13') })],
      [delivery('RN-3')],
    );
    const C1 = '/Bericht/Declaratie/Clienten/Client[1]';

    it('refuses every Prestatie of a refused Client, and only those', () => {
      const record = buildDecisionRecord(msg, {
        view: view(),
        contracts: SAMPLE_CONTRACTS,
        today: TODAY,
        violations: [
          violation('TR304', '8187', `${C1}/Bsn`),
          violation('TR418', '0611', `${C1}/Prestaties/Prestatie[2]/ProductTarief`),
        ],
      });
      expect(record.prestaties.map((p) => [p.referentieNummer, p.outcome, p.ruleIds])).toEqual([
        ['RN-1', 'refused', ['TR304']],
        ['RN-2', 'refused', ['TR304', 'TR418']],
        ['RN-3', 'granted', []],
      ]);
      expect(record.prestaties[0]?.location).toBe(`${C1}/Prestaties/Prestatie[1]`);
      expect(record.prestaties[2]?.location).toBe(
        '/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie',
      );
    });

    it('refuses every Prestatie for a Header or Declaratie error', () => {
      const record = buildDecisionRecord(msg, {
        view: view(),
        contracts: SAMPLE_CONTRACTS,
        today: TODAY,
        violations: [
          violation('TR056', '9056', '/Bericht/Header/BerichtIdentificatie/Identificatie'),
          violation('TR333', '9333', '/Bericht/Declaratie/DeclaratieNummer'),
        ],
      });
      for (const prestatie of record.prestaties) {
        expect(prestatie).toMatchObject({
          outcome: 'refused',
          ruleIds: ['TR056', 'TR333'],
          retourCodes: ['9056', '9333'],
        });
      }
    });
  });

  describe('when a Prestatie is a credit', () => {
    it('records its toewijzing and start but no contract terms (IV085)', () => {
      const debet = delivery('RN-1');
      const record = buildDecisionRecord(
        declaration([
          {
            ...debet,
            ProductReferentie: { ReferentieNummer: 'RN-9', VorigReferentieNummer: 'RN-0' },
            IngediendBedrag: { Bedrag: 69_967, DebetCredit: 'C' },
          },
        ]),
        { view: view(), contracts: SAMPLE_CONTRACTS, today: TODAY, violations: [] },
      );
      expect(record.prestaties[0]).toMatchObject({
        debetCredit: 'C',
        outcome: 'granted',
        allocation: { identificatie: 'G-301-1' },
        start: { begindatum: '2026-01-12' },
      });
      expect(record.prestaties[0]?.contract).toBeUndefined();
    });
  });

  describe('when the register does not know the toewijzing', () => {
    it('records the Prestatie without allocation, start or stop', () => {
      const record = buildDecisionRecord(
        declaration([delivery('RN-1', { ToewijzingNummer: '777' })]),
        {
          view: EMPTY_REGISTER_VIEW,
          contracts: SAMPLE_CONTRACTS,
          today: TODAY,
          violations: [violation('TR338', '9338', `${P1}/ToewijzingNummer`)],
        },
      );
      expect(record.prestaties[0]).toMatchObject({ outcome: 'refused', ruleIds: ['TR338'] });
      expect(record.prestaties[0]?.allocation).toBeUndefined();
      expect(record.prestaties[0]?.start).toBeUndefined();
    });
  });

  describe('when level 4 did not run', () => {
    it('records no contract terms and no versions', () => {
      const record = buildDecisionRecord(declaration([delivery('RN-1')]), {
        view: view(),
        today: TODAY,
        violations: [],
      });
      expect(record.contractVersions).toEqual([]);
      expect(record.prestaties[0]?.contract).toBeUndefined();
      expect(record.prestaties[0]?.allocation?.identificatie).toBe('G-301-1');
    });
  });
});
