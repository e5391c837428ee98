import { describe, expect, it } from 'vitest';

import {
  antwoord319,
  type ToegewezenProductValues,
  toewijzing301,
  verzoek315,
  verzoek317,
  type VerzoekValues,
} from '../../../../../bench/iwmo-messages.js';
import { TR056 } from '../../../../../src/validation/rules/tr056.js';
import { TR304 } from '../../../../../src/validation/rules/tr304.js';
import { TR332 } from '../../../../../src/validation/rules/tr332.js';
import { TR347 } from '../../../../../src/validation/rules/tr347.js';
import { TR349 } from '../../../../../src/validation/rules/tr349.js';
import { TR350 } from '../../../../../src/validation/rules/tr350.js';
import { TR351 } from '../../../../../src/validation/rules/tr351.js';
import { TR355 } from '../../../../../src/validation/rules/tr355.js';
import { TR357 } from '../../../../../src/validation/rules/tr357.js';
import { TR359 } from '../../../../../src/validation/rules/tr359.js';
import { TR360 } from '../../../../../src/validation/rules/tr360.js';
import { TR361 } from '../../../../../src/validation/rules/tr361.js';
import { TR365 } from '../../../../../src/validation/rules/tr365.js';
import { TR373 } from '../../../../../src/validation/rules/tr373.js';
import { TR374 } from '../../../../../src/validation/rules/tr374.js';
import { TR375 } from '../../../../../src/validation/rules/tr375.js';
import { TR379 } from '../../../../../src/validation/rules/tr379.js';
import { TR385 } from '../../../../../src/validation/rules/tr385.js';
import { TR411 } from '../../../../../src/validation/rules/tr411.js';
import { TR412 } from '../../../../../src/validation/rules/tr412.js';
import {
  BSN,
  client,
  locations,
  type Overrides,
  parsed,
  toAanbieder,
  toewijzing,
  toGemeente,
  verzoek,
  view,
} from './register-fixtures.js';

const TOEGEWEZEN = '/Bericht/Client/ToegewezenProducten/ToegewezenProduct';
const VERZOEK = '/Bericht/Client/Verzoek';
const OMVANG = { volume: 4, eenheid: '04', frequentie: '2' } as const;

function product(extra: Overrides<ToegewezenProductValues> = {}): ToegewezenProductValues {
  const values: Record<string, unknown> = {
    nummer: '1',
    categorie: '02',
    code: '02A03',
    toewijzingsdatum: '2026-04-01',
    toewijzingstijd: '10:00:00',
    ingangsdatum: '2026-01-01',
    einddatum: '2026-12-31',
    omvang: OMVANG,
    ...extra,
  };
  return JSON.parse(JSON.stringify(values)) as ToegewezenProductValues;
}

const allocation = (...items: ToegewezenProductValues[]) =>
  parsed('WMO301', toewijzing301(toAanbieder(), BSN, items));
const vow = (values: Partial<VerzoekValues>, dagtekening = '2026-04-10') =>
  parsed('WMO317', verzoek317(toGemeente(dagtekening), BSN, { referentie: 'VOW-1', ...values }));
const antwoord = (verzoekAntwoord: '1' | '2') =>
  parsed('WMO319', antwoord319(toAanbieder(), 'VOW-1', verzoekAntwoord));

/** A client with toewijzingen 1 (actual) and 2 (ended before the VOW's Dagtekening). */
const CLIENT_WITH_TWO = view({
  toewijzingen: [toewijzing('1'), toewijzing('2', { einddatum: '2026-03-31' })],
  clients: { [BSN]: client({ toewijzingNummers: ['1', '2'] }) },
});

describe('level-3 rules on toewijzingen, verzoeken and antwoorden', () => {
  it('TR056 (9056): an Identificatie once per sender and BerichtCode, reported on the Header', () => {
    expect(locations(TR056, allocation(product()), view({ identificatieUsed: true }))).toEqual([
      '/Bericht/Header/BerichtIdentificatie/Identificatie',
    ]);
    expect(locations(TR056, allocation(product()), view())).toEqual([]);
  });

  it('TR332 (9332): a ToewijzingNummer belongs to one client and aanbieder; a change of own is fine', () => {
    expect(
      locations(TR332, allocation(product()), view({ toewijzingen: [toewijzing('1')] })),
    ).toEqual([]);
    for (const owner of [{ clientId: 'c2' }, { aanbieder: '87654321' }]) {
      expect(
        locations(TR332, allocation(product()), view({ toewijzingen: [toewijzing('1', owner)] })),
      ).toEqual([`${TOEGEWEZEN}/ToewijzingNummer`]);
    }
  });

  it('TR379 (9379): a ReferentieAanbieder honours an open verzoek of this client, once', () => {
    const message = allocation(product({ referentieAanbieder: 'VOW-1' }));
    expect(locations(TR379, message, view({ verzoeken: { 'VOW-1': verzoek() } }))).toEqual([]);
    for (const verzoeken of [
      {},
      { 'VOW-1': verzoek({ toegewezen: true }) },
      { 'VOW-1': verzoek({ antwoorden: ['2', '1'] }) },
      { 'VOW-1': verzoek({ clientId: 'c2' }) },
    ]) {
      expect(locations(TR379, message, view({ verzoeken }))).toEqual([
        `${TOEGEWEZEN}/ReferentieAanbieder`,
      ]);
    }
  });

  it('TR385 (9385): no deletion (RedenWijziging 13) with open debets', () => {
    const message = allocation(
      product({ redenWijziging: '13', einddatum: '2026-01-01', omvang: undefined, budget: 100 }),
    );
    const open = view({ declared: { '1': { volume: 60, bedrag: 100, openDebets: 1 } } });
    expect(locations(TR385, message, open)).toEqual([`${TOEGEWEZEN}/RedenWijziging`]);
    expect(locations(TR385, message, view())).toEqual([]);
  });

  it('TR347 (9347) and TR374 (9374): a new reference, and nothing pending', () => {
    const vot = parsed(
      'WMO315',
      verzoek315(toGemeente(), BSN, [
        {
          referentie: 'VOT-1',
          categorie: '02',
          code: '02A03',
          ingangsdatum: '2026-05-01',
          einddatum: '2026-12-31',
          omvang: OMVANG,
        },
      ]),
    );
    const used = view({ verzoeken: { 'VOT-1': verzoek(), 'VOW-1': verzoek() } });
    expect(locations(TR347, vot, used)).toEqual([
      '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/ReferentieAanbieder',
    ]);
    expect(locations(TR347, vow({ ongewijzigd: ['1'] }), used)).toEqual([
      `${VERZOEK}/ReferentieAanbieder`,
    ]);
    const pending = view({ clients: { [BSN]: client({ pendingVerzoeken: ['VOT-0'] }) } });
    expect(locations(TR374, vot, pending)).toEqual(['/Bericht/Client']);
    expect(locations(TR374, vow({ ongewijzigd: ['1'] }), pending)).toEqual([VERZOEK]);
    expect(locations(TR374, vot, view())).toEqual([]);
  });

  it('TR304 (8187): a VOW needs a known client', () => {
    expect(locations(TR304, vow({ ongewijzigd: ['1'] }), view({ clients: {} }))).toEqual([
      '/Bericht/Client/Bsn',
    ]);
  });

  it('TR349/TR350/TR351 (9349–9351): the VOW names every actual toewijzing, and only actual ones', () => {
    expect(locations(TR349, vow({ ongewijzigd: ['1'] }), CLIENT_WITH_TWO)).toEqual([]);
    const missing = vow({
      nieuw: [
        {
          categorie: '07',
          code: '07A01',
          gewensteIngangsdatum: '2026-05-01',
          einddatum: '2026-12-31',
          omvang: { volume: 2, eenheid: '16', frequentie: '2' },
        },
      ],
    });
    expect(locations(TR349, missing, CLIENT_WITH_TWO)).toEqual([VERZOEK]);
    expect(locations(TR350, vow({ ongewijzigd: ['1', '2'] }), CLIENT_WITH_TWO)).toEqual([
      `${VERZOEK}/OngewijzigdeProducten/OngewijzigdProduct[2]/ToewijzingNummer`,
    ]);
    const teWijzigen = vow({
      teWijzigen: [
        {
          nummer: '3',
          gewensteIngangsdatum: '2026-05-01',
          einddatum: '2026-12-31',
          omvang: OMVANG,
        },
      ],
    });
    expect(locations(TR351, teWijzigen, CLIENT_WITH_TWO)).toEqual([
      `${VERZOEK}/TeWijzigenProducten/TeWijzigenProduct/ToewijzingNummer`,
    ]);
  });

  describe('a TeWijzigenProduct against its toewijzing', () => {
    const at = `${VERZOEK}/TeWijzigenProducten/TeWijzigenProduct`;
    const change = (extra: object, dagtekening = '2026-04-10') =>
      vow(
        {
          teWijzigen: [
            {
              nummer: '1',
              gewensteIngangsdatum: '2026-05-01',
              einddatum: '2026-12-31',
              omvang: OMVANG,
              ...extra,
            },
          ],
        },
        dagtekening,
      );

    it('TR357 (9357): a change that does not start in the future starts at the Ingangsdatum', () => {
      expect(
        locations(TR357, change({ gewensteIngangsdatum: '2026-03-01' }), CLIENT_WITH_TWO),
      ).toEqual([`${at}/GewensteIngangsdatum`]);
      expect(
        locations(TR357, change({ gewensteIngangsdatum: '2026-01-01' }), CLIENT_WITH_TWO),
      ).toEqual([]);
      expect(locations(TR357, change({}), CLIENT_WITH_TWO)).toEqual([]);
    });

    it('TR373 (9373): a changed Budget or TBGT total starts at the Ingangsdatum', () => {
      const budget = view({
        toewijzingen: [toewijzing('1', { product: undefined, omvang: undefined, budget: 100_000 })],
        clients: { [BSN]: client({ toewijzingNummers: ['1'] }) },
      });
      expect(locations(TR373, change({ omvang: undefined, budget: 120_000 }), budget)).toEqual([
        `${at}/GewensteIngangsdatum`,
      ]);
      expect(
        locations(
          TR373,
          change({ omvang: undefined, budget: 120_000, gewensteIngangsdatum: '2026-01-01' }),
          budget,
        ),
      ).toEqual([]);
      expect(
        locations(
          TR373,
          change({ omvang: { volume: 9, eenheid: '04', frequentie: '6' } }),
          CLIENT_WITH_TWO,
        ),
      ).toEqual([`${at}/GewensteIngangsdatum`]);
    });

    it('TR411/TR412/TR375: Omvang exactly when the toewijzing has a ProductCode', () => {
      expect(locations(TR411, change({ omvang: undefined, budget: 100 }), CLIENT_WITH_TWO)).toEqual(
        [`${at}/Omvang`],
      );
      expect(locations(TR411, change({}), CLIENT_WITH_TWO)).toEqual([]);
      const generiek = view({
        toewijzingen: [toewijzing('1', { product: undefined, omvang: undefined, budget: 100 })],
        clients: { [BSN]: client({ toewijzingNummers: ['1'] }) },
      });
      expect(locations(TR412, change({}), generiek)).toEqual([`${at}/Omvang`]);
      expect(locations(TR375, change({}), generiek)).toEqual([`${at}/Omvang`]);
      expect(locations(TR375, change({}), CLIENT_WITH_TWO)).toEqual([]);
    });
  });

  it('TR361 (9361): the desired situation holds a product twice only without overlap', () => {
    const overlapping = vow({
      ongewijzigd: ['1'],
      nieuw: [
        {
          categorie: '02',
          code: '02A03',
          gewensteIngangsdatum: '2026-06-01',
          einddatum: '2026-07-31',
          omvang: OMVANG,
        },
      ],
    });
    expect(locations(TR361, overlapping, CLIENT_WITH_TWO)).toEqual([
      `${VERZOEK}/NieuweProducten/NieuwProduct`,
    ]);
    const hulpmiddel = view({
      toewijzingen: [toewijzing('1', { product: { categorie: '12', code: '12A01' } })],
      clients: { [BSN]: client({ toewijzingNummers: ['1'] }) },
    });
    const twoAids = vow({
      ongewijzigd: ['1'],
      nieuw: [
        {
          categorie: '12',
          code: '12A01',
          gewensteIngangsdatum: '2026-06-01',
          einddatum: '2026-07-31',
          omvang: OMVANG,
        },
      ],
    });
    expect(locations(TR361, twoAids, hulpmiddel)).toEqual([]);
  });

  it('TR355/TR359/TR360/TR365: an answer to a known, unanswered-or-in-onderzoek, unhonoured verzoek', () => {
    const at = '/Bericht/Antwoord';
    expect(locations(TR355, antwoord('1'), view())).toEqual([`${at}/ReferentieAanbieder`]);
    expect(locations(TR355, antwoord('1'), view({ verzoeken: { 'VOW-1': verzoek() } }))).toEqual(
      [],
    );
    const honoured = view({ verzoeken: { 'VOW-1': verzoek({ toegewezen: true }) } });
    expect(locations(TR359, antwoord('1'), honoured)).toEqual([`${at}/ReferentieAanbieder`]);
    const inOnderzoek = view({ verzoeken: { 'VOW-1': verzoek({ antwoorden: ['2'] }) } });
    expect(locations(TR360, antwoord('2'), inOnderzoek)).toEqual([`${at}/VerzoekAntwoord`]);
    expect(locations(TR360, antwoord('1'), inOnderzoek)).toEqual([]);
    expect(locations(TR365, antwoord('1'), inOnderzoek)).toEqual([]);
    const afgewezen = view({ verzoeken: { 'VOW-1': verzoek({ antwoorden: ['1'] }) } });
    expect(locations(TR365, antwoord('1'), afgewezen)).toEqual([`${at}/VerzoekAntwoord`]);
  });
});
