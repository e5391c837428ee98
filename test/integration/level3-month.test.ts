import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateTrafficMonth, type TrafficMonth } from '../../bench/generate-traffic.js';
import { parseMessage } from '../../src/model/index.js';
import type { MessageRecord } from '../../src/store/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';

const CLIENTS = 2_000;
const POST_CONCURRENCY = 32;

/** Posts every message of a phase (at most POST_CONCURRENCY at a time) and waits for all. */
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

describe('a generated month of traffic for a region (level 3 on the register)', () => {
  let gateway: GatewayHarness;
  let month: TrafficMonth;
  const decided = new Map<string, MessageRecord[]>();

  beforeAll(async () => {
    gateway = await GatewayHarness.create({ level3: true, attempts: 5, concurrency: 8 });
    await gateway.startWorker();
    month = generateTrafficMonth({ clients: CLIENTS, aanbieders: 4, seed: 7 });
    for (const phase of month.phases) {
      decided.set(
        phase.name,
        await runPhase(
          gateway,
          phase.messages.map((m) => m.xml),
        ),
      );
    }
  }, 110_000);
  afterAll(async () => {
    await gateway.close();
  });

  it('accepts every allocation, start and stop', () => {
    for (const [name, records] of decided) {
      if (name.startsWith('WMO323')) {
        continue;
      }
      const refused = records.filter((r) => r.status !== 'accepted');
      expect(
        refused.map((r) => r.violations?.map((v) => v.ruleId)),
        name,
      ).toEqual([]);
      expect(records.length, name).toBeGreaterThan(0);
    }
    expect(month.totals.toewijzingen).toBeGreaterThan(CLIENTS);
  });

  it('answers every declaration with the granted total and the refused Prestaties of the bookkeeping', async () => {
    const records = [...decided]
      .filter(([name]) => name.startsWith('WMO323'))
      .flatMap(([, r]) => r);
    expect(records).toHaveLength(month.declaraties.length);
    for (const record of records) {
      expect(record.status).toBe('accepted');
      const antwoord = parseMessage('WMO325', (await gateway.store.getRetour(record.id)) ?? '');
      if (antwoord.type !== 'WMO325' || antwoord.DeclaratieAntwoord === undefined) {
        throw new Error('expected a DeclaratieAntwoord');
      }
      const totaal = antwoord.DeclaratieAntwoord.TotaalToegekendBedrag;
      const signed = totaal.DebetCredit === 'C' ? -totaal.TotaalBedrag : totaal.TotaalBedrag;
      const nummer = antwoord.DeclaratieAntwoord.DeclaratieNummer;
      const expected = month.declaraties.find((d) => d.declaratieNummer === nummer);
      if (expected === undefined) {
        throw new Error(`no bookkeeping for ${nummer}`);
      }
      expect(signed, expected.declaratieNummer).toBe(expected.toegekend);
      const returned = (antwoord.DeclaratieAntwoord.Clienten ?? []).flatMap((c) => c.Prestaties);
      expect(returned, expected.declaratieNummer).toHaveLength(expected.refused);
      for (const code of returned.flatMap((p) => p.RetourCodes)) {
        expect(['9321', '9338']).toContain(code);
      }
    }
    expect(month.totals.refused).toBeGreaterThan(0);
  });

  it('holds, per toewijzing and in total, exactly what the bookkeeping granted', async () => {
    const held = await gateway.intakeRedis.hgetall(gateway.register.keys.declared(month.gemeente));
    let bedrag = 0;
    for (const [nummer, expected] of month.declared) {
      const actual = {
        volume: Number(held[`${nummer}:v`] ?? 0),
        bedrag: Number(held[`${nummer}:a`] ?? 0),
        openDebets: Number(held[`${nummer}:o`] ?? 0),
      };
      expect(actual, nummer).toEqual(expected);
      bedrag += actual.bedrag;
    }
    expect(bedrag).toBe(month.totals.bedrag);
    // Allocations in full through the API's reader: history, start, stop and declarations.
    for (const nummer of [...month.stopped].slice(0, 20)) {
      const allocation = await gateway.register.readAllocation(month.gemeente, nummer);
      expect(allocation?.declared, nummer).toMatchObject(month.declared.get(nummer)!);
      expect(
        allocation?.leveringen.map((s) => s.stops.length),
        nummer,
      ).toEqual([1]);
    }
    const sample = await Promise.all(
      [...month.declared.keys()]
        .slice(0, 200)
        .map((n) => gateway.register.readAllocation(month.gemeente, n)),
    );
    expect(sample.filter((a) => a !== undefined && a.leveringen.length > 0).length).toBe(
      [...month.declared.keys()].slice(0, 200).filter((n) => month.started.has(n)).length,
    );
  });
});
