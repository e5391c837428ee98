import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { BUNDLED_SCHEMA_DIR } from '../../../../../src/config/index.js';
import type { HeenMessageType } from '../../../../../src/domain/message-types.js';
import {
  leveringGroupKey,
  type RegisterView,
  type StartRecord,
} from '../../../../../src/domain/register/index.js';
import { parseMessage } from '../../../../../src/model/index.js';
import { answerMessage } from '../../../../../src/retour/index.js';
import { createDefaultPipeline } from '../../../../../src/validation/default-pipeline.js';
import { continueValidation, validateMessage } from '../../../../../src/validation/pipeline.js';
import { createXsdValidator } from '../../../../../src/validation/xsd/index.js';
import { RULE_SAMPLES_DIR } from '../../../../helpers/rules-samples.js';
import { BSN, registerView, start, toewijzing } from './contract-register.js';
import { CBS, SAMPLE_CONTRACTS } from './level4-fixtures.js';

/** The whole path: XSD, levels 2 and 4 in the default pipeline, then the retour that answers. */
const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');
const pipeline = createDefaultPipeline(xsd, {
  externalSources: {
    cbs: CBS,
    contracts: () => SAMPLE_CONTRACTS,
    clock: () => new Date('2026-07-01T10:00:00Z'),
  },
});
const CONTEXT = { retourId: 'R00000000042', retourDate: '2026-07-01' };

afterAll(() => {
  xsd.close();
});

function judge(type: HeenMessageType, sample: string) {
  const xml = readFileSync(join(RULE_SAMPLES_DIR, type, sample), 'utf8');
  const outcome = validateMessage(pipeline, type, Buffer.from(xml));
  const retour = answerMessage(type, outcome, {
    ...CONTEXT,
    heenXml: xml,
    declaratie: {
      DeclaratieNummer: 'D',
      TotaalIngediendBedrag: { TotaalBedrag: 0, DebetCredit: 'D' },
    },
  });
  expect(retour).toBeDefined();
  expect(xsd.validate(retour!.type, Buffer.from(retour!.xml))).toEqual({ valid: true });
  return { outcome, retour: retour!, parsed: parseMessage(retour!.type, retour!.xml) };
}

describe('the default pipeline with external sources', () => {
  it('accepts a valid declaration under the aids contract on level 4', () => {
    const { outcome } = judge('WMO323', 'valid/hulpmiddelen-hilversum-januari-2026.xml');
    expect(outcome).toMatchObject({ kind: 'accepted', controlLevel: 4 });
  });

  it('answers a Dagtekening in the future (TR135) with a header-only retour with 8848', () => {
    const { outcome, retour } = judge('WMO319', 'invalid/TR135.xml');
    expect(outcome).toMatchObject({ kind: 'rejected', controlLevel: 4 });
    expect(retour.codes).toEqual(['8848']);
  });

  it('answers Weesp after the merger (TR378) with S300 in the header', () => {
    const { retour } = judge('WMO301', 'invalid/TR378.xml');
    expect(retour.codes).toEqual(['S300']);
  });

  it('answers a wrong tariff (TR418) with 0611 on that Prestatie of the WMO325', () => {
    const { retour, parsed } = judge('WMO323', 'invalid/TR418-indexatie.xml');
    expect(retour.type).toBe('WMO325');
    if (parsed.type !== 'WMO325' || parsed.DeclaratieAntwoord === undefined) {
      throw new Error('expected a WMO325 with a DeclaratieAntwoord');
    }
    const codes = (parsed.DeclaratieAntwoord.Clienten ?? []).flatMap((c) =>
      c.Prestaties.map((p) => [p.ProductCode, p.RetourCodes]),
    );
    expect(codes).toEqual([['11A01', ['0611']]]);
  });

  it('gives the register view of the worker (continueValidation) to level 4', () => {
    const xml = readFileSync(
      join(RULE_SAMPLES_DIR, 'WMO323', 'valid/hulpmiddelen-hilversum-januari-2026.xml'),
    );
    const level2 = validateMessage(pipeline, 'WMO323', xml, { maxLevel: 2 });
    expect(level2).toMatchObject({ kind: 'accepted', controlLevel: 2 });
    const view = (starts: readonly StartRecord[]): RegisterView => {
      const base = registerView({ starts });
      const client = base.clients.get(BSN);
      return {
        ...base,
        toewijzingen: new Map([['260401', toewijzing({ toewijzingNummer: '260401' })]]),
        clients: new Map([
          [
            BSN,
            {
              ...(client as NonNullable<typeof client>),
              leveringen: new Map([[leveringGroupKey('260401'), { starts }]]),
            },
          ],
        ]),
      };
    };
    const gwC04 = (starts: readonly StartRecord[]) => {
      const outcome = continueValidation(pipeline, level2, { context: { register: view(starts) } });
      return outcome.kind === 'rejected' && outcome.stage === 'rules'
        ? outcome.violations.filter((v) => v.ruleId === 'GW-C04').map((v) => v.location)
        : [];
    };
    expect(gwC04([])).toEqual([
      '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ToewijzingNummer',
    ]);
    expect(gwC04([{ ...start('2026-01-12'), toewijzingNummer: '260401' }])).toEqual([]);
  });
});
