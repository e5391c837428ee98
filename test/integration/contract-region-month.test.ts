import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  FAULT_KINDS,
  generateRegionMonth,
  type RegionMonth,
} from '../../bench/generate-region-month.js';
import {
  compareWithExpectation,
  type PrestatieOutcome,
  prestatieOutcomes,
} from '../../bench/region-month-outcomes.js';
import { parseMessage } from '../../src/model/index.js';
import type { MessageRecord } from '../../src/store/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';

const CLIENTS_PER_GEMEENTE = 20;
const POST_CONCURRENCY = 16;
const CONTRACTS_DIR = join(import.meta.dirname, '../../samples/contracts');

/** Posts every message of a phase (a few at a time) and waits until each is decided. */
async function runPhase(
  gateway: GatewayHarness,
  xmls: readonly string[],
): Promise<MessageRecord[]> {
  const ids: string[] = new Array<string>(xmls.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(POST_CONCURRENCY, xmls.length) }, async () => {
      while (next < xmls.length) {
        const index = next++;
        const posted = await gateway.post(xmls[index] ?? '');
        expect(posted.status).toBe(202);
        ids[index] = posted.body['id'] as string;
      }
    }),
  );
  const records: MessageRecord[] = [];
  for (const id of ids) {
    records.push(await gateway.waitForDecision(id, 60_000));
  }
  return records;
}

/**
 * Granted months of maintenance on one toewijzing next to a granted delivery of the same product
 * in the same month on another toewijzing of the client: the month of delivery's maintenance on
 * toewijzing B (docs/contracts.md, "Allocating an aid and its maintenance").
 */
function deliveryMonthMaintenanceGranted(
  messages: readonly { readonly xml: string }[],
  outcomes: readonly PrestatieOutcome[],
): number {
  const granted = new Set(
    outcomes.filter((o) => o.rules.length === 0).map((o) => `${o.aanbieder}|${o.referentie}`),
  );
  let count = 0;
  for (const { xml } of messages) {
    const parsed = parseMessage('WMO323', xml);
    if (parsed.type !== 'WMO323') {
      throw new Error('expected a WMO323');
    }
    const ok = (p: (typeof parsed.Declaratie.Clienten)[number]['Prestaties'][number]) =>
      granted.has(`${parsed.header.Afzender}|${p.ProductReferentie.ReferentieNummer}`);
    for (const client of parsed.Declaratie.Clienten) {
      const deliveries = client.Prestaties.filter((p) => p.Eenheid === '82' && ok(p));
      count += client.Prestaties.filter(
        (p) =>
          p.Eenheid === '83' &&
          ok(p) &&
          deliveries.some(
            (d) =>
              d.ProductCode === p.ProductCode &&
              d.ProductPeriode.Begindatum === p.ProductPeriode.Begindatum &&
              d.ToewijzingNummer !== p.ToewijzingNummer,
          ),
      ).length;
    }
  }
  return count;
}

/**
 * A month of Wmo aids for the whole Gooi en Vechtstreek region (7 gemeenten, 3 suppliers)
 * through the real gateway with CONTRACTS_DIR=samples/contracts: intake, the worker's levels
 * 1–4 with the register, the WMO325. Every correct Prestatie must be granted and every injected
 * fault refused by the rule the generator names (bench/generate-region-month.ts).
 */
describe('a generated month of Wmo aids for the whole region, on levels 1–4', () => {
  let gateway: GatewayHarness;
  let month: RegionMonth;
  const decided = new Map<string, MessageRecord[]>();

  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      level3: true,
      contractsDir: CONTRACTS_DIR,
      attempts: 5,
      concurrency: 4,
    });
    await gateway.startWorker();
    month = generateRegionMonth({
      clientsPerGemeente: CLIENTS_PER_GEMEENTE,
      faults: 0.1,
      seed: 11,
    });
    for (const phase of month.phases) {
      decided.set(
        phase.name,
        await runPhase(
          gateway,
          phase.messages.map((m) => m.xml),
        ),
      );
    }
  }, 120_000);
  afterAll(async () => {
    await gateway.close();
  });

  it('declares every billable month of maintenance, the month of delivery included', () => {
    expect(month.totals.undeclarableMaintenance).toBe(0);
    // The same plan (no faults: no draws for them) with maintenance on the aid's own toewijzing
    // leaves out exactly the delivery months that the default declares on toewijzing B.
    const plan = { clientsPerGemeente: CLIENTS_PER_GEMEENTE, seed: 11 } as const;
    const maintenanceLines = (m: RegionMonth): number =>
      [...m.prestaties.values()].filter((p) => p.kind === 'maintenance').length;
    const separate = generateRegionMonth(plan);
    const withTheAid = generateRegionMonth({ ...plan, maintenanceAllocation: 'with-the-aid' });
    expect(separate.totals.undeclarableMaintenance).toBe(0);
    expect(withTheAid.totals.undeclarableMaintenance).toBeGreaterThan(0);
    expect(maintenanceLines(separate)).toBe(
      maintenanceLines(withTheAid) + withTheAid.totals.undeclarableMaintenance,
    );
  });

  it('covers every gemeente and supplier and injects every kind of fault', () => {
    expect(new Set([...month.prestaties.values()].map((p) => p.gemeente)).size).toBe(7);
    expect(new Set([...month.prestaties.values()].map((p) => p.aanbieder)).size).toBe(3);
    for (const kind of FAULT_KINDS) {
      expect(month.totals.faults[kind], kind).toBeGreaterThan(0);
    }
    const kinds = new Set([...month.prestaties.values()].map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['delivery', 'lesson', 'maintenance', 'quote']);
  });

  it('accepts every allocation, start and stop on level 4', () => {
    for (const [name, records] of decided) {
      if (name.startsWith('WMO323')) {
        continue;
      }
      expect(records.length, name).toBeGreaterThan(0);
      const refused = records.filter((r) => r.status !== 'accepted');
      expect(
        refused.map((r) => r.violations?.map((v) => `${v.ruleId} ${v.location}`)),
        name,
      ).toEqual([]);
      expect(new Set(records.map((r) => r.controlLevel)), name).toEqual(new Set([4]));
    }
  });

  it('grants every correct Prestatie and refuses every fault with the expected rule', () => {
    const declarations = month.phases.find((p) => p.name.startsWith('WMO323'));
    const records = decided.get(declarations?.name ?? '') ?? [];
    expect(records).toHaveLength(month.declaraties.length);
    const outcomes: PrestatieOutcome[] = [];
    records.forEach((record, i) => {
      expect(record.status, record.berichtIdentificatie).toBe('accepted');
      const parsed = parseMessage('WMO323', declarations?.messages[i]?.xml ?? '');
      if (parsed.type !== 'WMO323') {
        throw new Error('expected a WMO323');
      }
      outcomes.push(...prestatieOutcomes(parsed, record.violations ?? []));
    });
    const comparison = compareWithExpectation(month, outcomes);
    expect(comparison.mismatches).toEqual([]);
    expect(deliveryMonthMaintenanceGranted(declarations?.messages ?? [], outcomes)).toBeGreaterThan(
      0,
    );
    expect(comparison.granted).toBe(month.totals.granted);
    expect(comparison.refused).toBe(month.totals.refused);
    expect(month.totals.refused).toBeGreaterThanOrEqual(FAULT_KINDS.length);
  });

  it('answers every declaration with a WMO325 granting exactly the correct amounts', async () => {
    const declarations = month.phases.find((p) => p.name.startsWith('WMO323'));
    const records = decided.get(declarations?.name ?? '') ?? [];
    for (const record of records) {
      const antwoord = parseMessage('WMO325', (await gateway.store.getRetour(record.id)) ?? '');
      if (antwoord.type !== 'WMO325' || antwoord.DeclaratieAntwoord === undefined) {
        throw new Error('expected a DeclaratieAntwoord');
      }
      const { DeclaratieNummer, TotaalToegekendBedrag } = antwoord.DeclaratieAntwoord;
      const expected = month.declaraties.find((d) => d.declaratieNummer === DeclaratieNummer);
      expect(TotaalToegekendBedrag.DebetCredit, DeclaratieNummer).toBe('D');
      expect(TotaalToegekendBedrag.TotaalBedrag, DeclaratieNummer).toBe(expected?.toegekend);
      const returned = (antwoord.DeclaratieAntwoord.Clienten ?? []).flatMap((c) => c.Prestaties);
      expect(returned, DeclaratieNummer).toHaveLength(expected?.refused ?? -1);
    }
  });
});
