import { describe, expect, it } from 'vitest';

import {
  type LeveringValues,
  start305,
  stop307,
  type StopValues,
} from '../../../../../bench/iwmo-messages.js';
import {
  leveringGroupKey,
  startKey,
  type StartRecord,
  type StopRecord,
} from '../../../../../src/domain/register/index.js';
import { TR019 } from '../../../../../src/validation/rules/tr019.js';
import { TR063 } from '../../../../../src/validation/rules/tr063.js';
import { TR071 } from '../../../../../src/validation/rules/tr071.js';
import { TR074 } from '../../../../../src/validation/rules/tr074.js';
import { TR326 } from '../../../../../src/validation/rules/tr326.js';
import { TR382 } from '../../../../../src/validation/rules/tr382.js';
import { TR413 } from '../../../../../src/validation/rules/tr413.js';
import { TR414 } from '../../../../../src/validation/rules/tr414.js';
import { TR415 } from '../../../../../src/validation/rules/tr415.js';
import {
  BSN,
  client,
  locations,
  parsed,
  toewijzing,
  toGemeente,
  view,
} from './register-fixtures.js';

const PRODUCT = { categorie: '02', code: '02A03' } as const;
const START = '/Bericht/Client/StartProducten/StartProduct';
const STOP = '/Bericht/Client/StopProducten/StopProduct';

function levering(extra: Partial<LeveringValues> = {}): LeveringValues {
  return {
    nummer: '1',
    ...PRODUCT,
    toewijzingIngangsdatum: '2026-01-01',
    begindatum: '2026-01-05',
    ...extra,
  };
}

function stop(extra: Partial<StopValues> = {}): StopValues {
  return { ...levering(), redenBeeindiging: '19', einddatum: '2026-03-31', ...extra };
}

function stopRecord(extra: Partial<StopRecord> = {}): StopRecord {
  return {
    redenBeeindiging: '20',
    einddatum: '2026-02-28',
    deleted: false,
    identificatie: 'A0',
    ...extra,
  };
}

function startRecord(begindatum: string, extra: Partial<StartRecord> = {}): StartRecord {
  return {
    key: startKey('1', { Categorie: '02', Code: '02A03' }, begindatum),
    toewijzingNummer: '1',
    product: { categorie: '02', code: '02A03' },
    begindatum,
    deleted: false,
    stops: [],
    identificatie: 'A0',
    ...extra,
  };
}

/** A register where the client has toewijzing 1 and the given starts on it. */
function withStarts(...starts: StartRecord[]) {
  return view({
    toewijzingen: [toewijzing('1')],
    clients: {
      [BSN]: client({
        leveringen: new Map([[leveringGroupKey('1'), { starts }]]),
      }),
    },
  });
}

const starts = (...items: LeveringValues[]) => parsed('WMO305', start305(toGemeente(), BSN, items));
const stops = (...items: StopValues[]) => parsed('WMO307', stop307(toGemeente(), BSN, items));

describe('level-3 rules on starts (WMO305) and stops (WMO307)', () => {
  it('TR019 (9019): a ToewijzingNummer must name a toewijzing of this client and aanbieder', () => {
    const message = starts(levering(), levering({ nummer: '2', begindatum: '2026-01-06' }), {
      categorie: '06',
      begindatum: '2026-01-07',
    });
    expect(locations(TR019, message, withStarts())).toEqual([`${START}[2]/ToewijzingNummer`]);
    expect(locations(TR019, stops(stop({ nummer: '9' })), withStarts())).toEqual([
      `${STOP}/ToewijzingNummer`,
    ]);
  });

  it('TR063 (9063): a deletion needs a live delivery with the same key', () => {
    const deleteStart = starts(levering({ status: '3' }));
    expect(locations(TR063, deleteStart, withStarts())).toEqual([`${START}/StatusAanlevering`]);
    expect(locations(TR063, deleteStart, withStarts(startRecord('2026-01-05')))).toEqual([]);
    expect(
      locations(TR063, deleteStart, withStarts(startRecord('2026-01-05', { deleted: true }))),
    ).toEqual([`${START}/StatusAanlevering`]);
    const deleteStop = stops(
      stop({ status: '3', redenBeeindiging: '20', einddatum: '2026-02-28' }),
    );
    expect(locations(TR063, deleteStop, withStarts(startRecord('2026-01-05')))).toEqual([
      `${STOP}/StatusAanlevering`,
    ]);
    expect(
      locations(
        TR063,
        deleteStop,
        withStarts(startRecord('2026-01-05', { stops: [stopRecord()] })),
      ),
    ).toEqual([]);
  });

  it('TR071 (9071): a start with a stop can no longer be deleted', () => {
    const message = starts(levering({ status: '3' }));
    expect(
      locations(TR071, message, withStarts(startRecord('2026-01-05', { stops: [stopRecord()] }))),
    ).toEqual([`${START}/StatusAanlevering`]);
    expect(locations(TR071, message, withStarts(startRecord('2026-01-05')))).toEqual([]);
  });

  it('TR074 (9074): a new delivery repeats no live key', () => {
    expect(locations(TR074, starts(levering()), withStarts(startRecord('2026-01-05')))).toEqual([
      `${START}/StatusAanlevering`,
    ]);
    expect(
      locations(
        TR074,
        starts(levering()),
        withStarts(startRecord('2026-01-05', { deleted: true })),
      ),
    ).toEqual([]);
    const existing = withStarts(startRecord('2026-01-05', { stops: [stopRecord()] }));
    expect(
      locations(TR074, stops(stop({ redenBeeindiging: '20', einddatum: '2026-02-28' })), existing),
    ).toEqual([`${STOP}/StatusAanlevering`]);
  });

  it('TR326 (9326): no new start while another start of the product is actual', () => {
    const message = starts(levering({ begindatum: '2026-03-01' }));
    expect(locations(TR326, message, withStarts(startRecord('2026-01-05')))).toEqual([
      `${START}/Begindatum`,
    ]);
    // Stopped (also temporarily, OP379), or deleted in the same message (IV008): fine.
    expect(
      locations(TR326, message, withStarts(startRecord('2026-01-05', { stops: [stopRecord()] }))),
    ).toEqual([]);
    const correction = starts(levering({ status: '3' }), levering({ begindatum: '2026-01-06' }));
    expect(locations(TR326, correction, withStarts(startRecord('2026-01-05')))).toEqual([]);
    const twoNew = starts(levering(), levering({ begindatum: '2026-02-01' }));
    expect(locations(TR326, twoNew, withStarts())).toEqual([`${START}[2]/Begindatum`]);
  });

  it('TR382 (9069): a stop carries the key of a live start', () => {
    expect(locations(TR382, stops(stop()), withStarts())).toEqual([`${STOP}/Begindatum`]);
    expect(locations(TR382, stops(stop()), withStarts(startRecord('2026-01-05')))).toEqual([]);
    expect(
      locations(
        TR382,
        stops(stop({ begindatum: '2026-01-06' })),
        withStarts(startRecord('2026-01-05')),
      ),
    ).toEqual([`${STOP}/Begindatum`]);
  });

  it('TR413/TR414/TR415: stop sequencing after a temporary or a definitive stop', () => {
    const temporary = withStarts(startRecord('2026-01-05', { stops: [stopRecord()] }));
    const definitive = withStarts(
      startRecord('2026-01-05', { stops: [stopRecord({ redenBeeindiging: '19' })] }),
    );
    const secondTemporary = stops(stop({ redenBeeindiging: '20', einddatum: '2026-03-31' }));
    expect(locations(TR413, secondTemporary, temporary)).toEqual([`${STOP}/RedenBeeindiging`]);
    expect(locations(TR413, stops(stop()), temporary)).toEqual([]);
    expect(locations(TR414, stops(stop({ einddatum: '2026-02-27' })), temporary)).toEqual([
      `${STOP}/Einddatum`,
    ]);
    expect(locations(TR414, stops(stop()), temporary)).toEqual([]);
    expect(locations(TR415, stops(stop({ einddatum: '2026-04-30' })), definitive)).toEqual([
      `${STOP}/StatusAanlevering`,
    ]);
    expect(locations(TR415, stops(stop()), temporary)).toEqual([]);
    // A deletion of the temporary stop in the same message clears the way.
    const replaced = stops(
      stop({ status: '3', redenBeeindiging: '20', einddatum: '2026-02-28' }),
      stop({ redenBeeindiging: '20', einddatum: '2026-03-15' }),
    );
    expect(locations(TR413, replaced, temporary)).toEqual([]);
  });
});
