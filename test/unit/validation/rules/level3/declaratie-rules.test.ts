import { describe, expect, it } from 'vitest';

import { debetKey } from '../../../../../src/domain/register/index.js';
import { TR304 } from '../../../../../src/validation/rules/tr304.js';
import { TR307 } from '../../../../../src/validation/rules/tr307.js';
import { TR308 } from '../../../../../src/validation/rules/tr308.js';
import { TR314 } from '../../../../../src/validation/rules/tr314.js';
import { TR318 } from '../../../../../src/validation/rules/tr318.js';
import { TR321 } from '../../../../../src/validation/rules/tr321.js';
import { TR322 } from '../../../../../src/validation/rules/tr322.js';
import { TR323 } from '../../../../../src/validation/rules/tr323.js';
import { TR333 } from '../../../../../src/validation/rules/tr333.js';
import { TR338 } from '../../../../../src/validation/rules/tr338.js';
import { TR339 } from '../../../../../src/validation/rules/tr339.js';
import { TR340 } from '../../../../../src/validation/rules/tr340.js';
import { TR341 } from '../../../../../src/validation/rules/tr341.js';
import { TR369 } from '../../../../../src/validation/rules/tr369.js';
import { TR384 } from '../../../../../src/validation/rules/tr384.js';
import { TR387 } from '../../../../../src/validation/rules/tr387.js';
import { TR388 } from '../../../../../src/validation/rules/tr388.js';
import { TR389 } from '../../../../../src/validation/rules/tr389.js';
import { TR390 } from '../../../../../src/validation/rules/tr390.js';
import {
  debet,
  declaratie,
  locations,
  OTHER_BSN,
  PRESTATIE,
  toewijzing,
  view,
} from './register-fixtures.js';

const OWN = view({ toewijzingen: [toewijzing('1')] });

describe('level-3 rules on a WMO323', () => {
  describe('TR338 (9338) and TR304 (8187): whose toewijzing', () => {
    it('passes a Prestatie on a toewijzing of this client', () => {
      expect(locations(TR338, declaratie([debet('P1')]), OWN)).toEqual([]);
      expect(locations(TR304, declaratie([debet('P1')]), OWN)).toEqual([]);
    });

    it('refuses an unknown ToewijzingNummer, or one of another aanbieder (OP095), on the Prestatie', () => {
      const other = view({ toewijzingen: [toewijzing('1', { aanbieder: '87654321' })] });
      for (const register of [view(), other]) {
        expect(locations(TR338, declaratie([debet('P1')]), register)).toEqual([
          `${PRESTATIE(0)}/ToewijzingNummer`,
        ]);
      }
    });

    it('refuses the Client when the toewijzing is another client\u2019s or the client is unknown', () => {
      const otherClient = view({ toewijzingen: [toewijzing('1', { clientId: 'c2' })] });
      expect(locations(TR304, declaratie([debet('P1')]), otherClient)).toEqual([
        '/Bericht/Declaratie/Clienten/Client/Bsn',
      ]);
      expect(locations(TR338, declaratie([debet('P1')]), otherClient)).toEqual([]);
      const unknown = view({ toewijzingen: [toewijzing('1')], clients: {} });
      expect(locations(TR304, declaratie([debet('P1')], { bsn: OTHER_BSN }), unknown)).toEqual([
        '/Bericht/Declaratie/Clienten/Client/Bsn',
      ]);
    });
  });

  describe('content rules against the actual toewijzing', () => {
    it('TR307/TR308: the ProductPeriode lies inside the toewijzing', () => {
      const short = view({
        toewijzingen: [toewijzing('1', { ingangsdatum: '2026-02-10', einddatum: '2026-02-20' })],
      });
      const message = declaratie([
        debet('P1', '1', { einddatum: '2026-02-20' }),
        debet('P2', '1', { begindatum: '2026-02-10' }),
      ]);
      expect(locations(TR307, message, short)).toEqual([
        `${PRESTATIE(1)}/ProductPeriode/Begindatum`,
      ]);
      expect(locations(TR308, message, short)).toEqual([
        `${PRESTATIE(2)}/ProductPeriode/Einddatum`,
      ]);
      // IV089: starting or ending with the toewijzing inside the month is fine.
      expect(locations(TR387, message, short)).toEqual([]);
      expect(locations(TR388, message, short)).toEqual([]);
    });

    it('TR387/TR388: a month-aligned ProductPeriode unless the toewijzing starts or ends inside it', () => {
      const message = declaratie([
        debet('P1', '1', { begindatum: '2026-02-03' }),
        debet('P2', '1', { begindatum: '2026-02-01', einddatum: '2026-02-27' }),
      ]);
      expect(locations(TR387, message, OWN)).toEqual([`${PRESTATIE(1)}/ProductPeriode/Begindatum`]);
      expect(locations(TR388, message, OWN)).toEqual([`${PRESTATIE(2)}/ProductPeriode/Einddatum`]);
    });

    it('TR339/TR340/TR341: product and unit of a specific toewijzing; minutes on hours are fine', () => {
      const message = declaratie([
        debet('P1', '1', { categorie: '03' }),
        debet('P2', '1', { code: '02A04', begindatum: '2026-02-01' }),
        debet('P3', '1', { eenheid: '01', volume: 60, tarief: 100 }),
        debet('P4', '1', { eenheid: '16', tarief: 100 }),
      ]);
      expect(locations(TR339, message, OWN)).toEqual([`${PRESTATIE(1)}/ProductCategorie`]);
      expect(locations(TR340, message, OWN)).toEqual([`${PRESTATIE(2)}/ProductCode`]);
      expect(locations(TR341, message, OWN)).toEqual([`${PRESTATIE(4)}/Eenheid`]);
      const aspecifiek = view({
        toewijzingen: [
          toewijzing('1', { product: { categorie: '02' }, omvang: undefined, budget: 100 }),
        ],
      });
      expect(locations(TR340, message, aspecifiek)).toEqual([]);
      expect(locations(TR341, message, aspecifiek)).toEqual([]);
    });

    it('TR384: no declaring on a deleted toewijzing', () => {
      const deleted = view({ toewijzingen: [toewijzing('1', { redenWijziging: '13' })] });
      expect(locations(TR384, declaratie([debet('P1')]), deleted)).toEqual([
        `${PRESTATIE(0)}/ToewijzingNummer`,
      ]);
    });

    it('does not judge credits on content (IV085)', () => {
      const short = view({
        toewijzingen: [toewijzing('1', { ingangsdatum: '2026-02-10' })],
        prestaties: { P0: debetRecord('P0') },
      });
      const credit = declaratie([
        debet('P1', '1', { debetCredit: 'C', vorigReferentie: 'P0', categorie: '09' }),
      ]);
      for (const rule of [TR307, TR339, TR321, TR322]) {
        expect(locations(rule, credit, short), rule.id).toEqual([]);
      }
    });
  });

  describe('TR321/TR322/TR369: volume and budget', () => {
    it('TR321: at most 5 weeks × 4 hours in February 2026, minutes counted against hours', () => {
      const message = declaratie([
        debet('P1', '1', { volume: 20 }),
        debet('P2', '1', {
          volume: 21,
          begindatum: '2026-02-01',
          einddatum: '2026-02-28',
          nummer: '2',
        }),
        debet('P3', '1', { volume: 1201, eenheid: '01', tarief: 1, nummer: '3' }),
      ]);
      const register = view({ toewijzingen: [toewijzing('1'), toewijzing('2'), toewijzing('3')] });
      expect(locations(TR321, message, register)).toEqual([
        `${PRESTATIE(2)}/GeleverdVolume`,
        `${PRESTATIE(3)}/GeleverdVolume`,
      ]);
    });

    it('TR322: the sum over the toewijzing, with what the register holds and credits first', () => {
      const tbgt = view({
        toewijzingen: [toewijzing('1', { omvang: { volume: 10, eenheid: '04', frequentie: '6' } })],
        declared: { '1': { volume: 6 * 60, bedrag: 0, openDebets: 1 } },
        prestaties: { P0: debetRecord('P0', { volume: 2 * 60 }) },
      });
      expect(locations(TR322, declaratie([debet('P1', '1', { volume: 5 })]), tbgt)).toEqual([
        `${PRESTATIE(0)}/GeleverdVolume`,
      ]);
      const withCredit = declaratie([
        debet('P1', '1', { volume: 2, debetCredit: 'C', vorigReferentie: 'P0' }),
        debet('P2', '1', { volume: 5, begindatum: '2026-02-01' }),
      ]);
      expect(locations(TR322, withCredit, tbgt)).toEqual([]);
    });

    it('TR369: IngediendBedrag within the Budget', () => {
      const budget = view({
        toewijzingen: [toewijzing('1', { omvang: undefined, budget: 50_000 })],
        declared: { '1': { volume: 0, bedrag: 30_000, openDebets: 1 } },
      });
      expect(locations(TR369, declaratie([debet('P1', '1', { volume: 3 })]), budget)).toEqual([]);
      expect(locations(TR369, declaratie([debet('P1', '1', { volume: 4 })]), budget)).toEqual([
        `${PRESTATIE(0)}/IngediendBedrag/Bedrag`,
      ]);
    });
  });

  describe('references, credits and debets', () => {
    it('TR314 (8021): a ReferentieNummer once, in the register and in the message', () => {
      const register = view({
        toewijzingen: [toewijzing('1')],
        prestaties: { P0: debetRecord('P0') },
      });
      const message = declaratie([
        debet('P0'),
        debet('P1', '1', { begindatum: '2026-02-01', einddatum: '2026-02-28', nummer: '1' }),
        debet('P1', '1', { debetCredit: 'C', vorigReferentie: 'P0' }),
      ]);
      expect(locations(TR314, message, register)).toEqual([
        `${PRESTATIE(1)}/ProductReferentie/ReferentieNummer`,
        `${PRESTATIE(3)}/ProductReferentie/ReferentieNummer`,
      ]);
    });

    it('TR323 (8017) and TR390 (9390): a credit needs an approved, uncredited debet', () => {
      const register = view({
        toewijzingen: [toewijzing('1')],
        prestaties: {
          P0: debetRecord('P0'),
          P8: debetRecord('P8', { gecrediteerd: true }),
          C9: { debetCredit: 'C', vorigReferentieNummer: 'P8', declaratieNummer: 'D0' },
        },
      });
      const message = declaratie([
        debet('C1', '1', { debetCredit: 'C', vorigReferentie: 'P0' }),
        debet('C2', '1', { debetCredit: 'C', vorigReferentie: 'UNKNOWN' }),
        debet('C3', '1', { debetCredit: 'C', vorigReferentie: 'P8' }),
        debet('C4', '1', { debetCredit: 'C', vorigReferentie: 'C9' }),
      ]);
      expect(locations(TR323, message, register)).toEqual([
        `${PRESTATIE(2)}/ProductReferentie/VorigReferentieNummer`,
        `${PRESTATIE(4)}/ProductReferentie/VorigReferentieNummer`,
      ]);
      expect(locations(TR390, message, register)).toEqual([
        `${PRESTATIE(3)}/ProductReferentie/VorigReferentieNummer`,
      ]);
    });

    it('TR389 (9389): a second debet for the same key only after its credit', () => {
      const message = declaratie([debet('P1')]);
      const prestatie = parseDebet(message);
      const key = debetKey(prestatie);
      const open = view({ toewijzingen: [toewijzing('1')], openDebets: { [key]: 1 } });
      expect(locations(TR389, message, open)).toEqual([`${PRESTATIE(0)}/ProductPeriode`]);
      const credited = view({
        toewijzingen: [toewijzing('1')],
        openDebets: { [key]: 1 },
        prestaties: { P0: debetRecord('P0', { debetKey: key }) },
      });
      const withCredit = declaratie([
        debet('C1', '1', { debetCredit: 'C', vorigReferentie: 'P0' }),
        debet('P1'),
      ]);
      expect(locations(TR389, withCredit, credited)).toEqual([]);
    });
  });

  describe('class Declaratie', () => {
    it('TR333 (9333): a DeclaratieNummer once', () => {
      expect(
        locations(TR333, declaratie([debet('P1')]), view({ declaratieNummerUsed: true })),
      ).toEqual(['/Bericht/Declaratie/DeclaratieNummer']);
    });

    it('TR318 (8214): never before the last period; no skipped month with care in it', () => {
      const message = (maand: string, productMaand: string) =>
        declaratie(
          [debet('P1', '1', { begindatum: `${productMaand}-01`, einddatum: `${productMaand}-28` })],
          { maand },
        );
      const location = ['/Bericht/Declaratie/DeclaratiePeriode'];
      const after = (last: string) => view({ lastDeclaratiePeriode: last });
      expect(locations(TR318, message('2026-02', '2026-02'), view())).toEqual([]);
      expect(locations(TR318, message('2026-02', '2026-02'), after('2026-01-01'))).toEqual([]);
      expect(locations(TR318, message('2026-02', '2026-02'), after('2026-02-01'))).toEqual([]);
      expect(locations(TR318, message('2026-02', '2026-02'), after('2026-03-01'))).toEqual(
        location,
      );
      expect(locations(TR318, message('2026-04', '2026-04'), after('2026-01-01'))).toEqual([]);
      expect(locations(TR318, message('2026-04', '2026-02'), after('2026-01-01'))).toEqual(
        location,
      );
    });
  });
});

function debetRecord(
  referentie: string,
  extra: Partial<{ volume: number; bedrag: number; gecrediteerd: boolean; debetKey: string }> = {},
) {
  return {
    debetCredit: 'D' as const,
    toewijzingNummer: '1',
    debetKey: `key-${referentie}`,
    volume: 4 * 60,
    bedrag: 24_000,
    gecrediteerd: false,
    declaratieNummer: 'D0',
    ...extra,
  };
}

function parseDebet(message: ReturnType<typeof declaratie>) {
  if (message.type !== 'WMO323') {
    throw new Error('expected a WMO323');
  }
  const prestatie = message.Declaratie.Clienten[0]?.Prestaties[0];
  if (prestatie === undefined) {
    throw new Error('expected a Prestatie');
  }
  return prestatie;
}
