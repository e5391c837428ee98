import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import type { ParsedMessage } from '../src/model/index.js';
import { parseMessage } from '../src/model/index.js';
import { type EmbeddedRedis, startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { ClientIds, deriveRegisterKey, RedisRegister } from '../src/register/index.js';
import { answerMessage } from '../src/retour/index.js';
import { BodyCipher, MessageStore } from '../src/store/index.js';
import { declaratieTotalsOf } from '../src/validation/default-pipeline.js';
import type { ValidationOutcome } from '../src/validation/outcome.js';
import { checkLevel3 } from '../src/validation/rules/index.js';
import { generateTrafficMonth, type TrafficMonth } from './generate-traffic.js';
import { median } from './measure.js';
import type { Row } from './table.js';

export interface Level3Options {
  readonly runs: number;
  /** Clients in the generated month. @defaultValue 2000 in bench/run.ts */
  readonly clients: number;
}

interface Timing {
  /** Per message group: wall time of load + rules + answer + plan + atomic decision. */
  readonly decideMs: Map<string, number>;
  /** Pure level-3 rule time (no I/O) per group. */
  readonly rulesMs: Map<string, number>;
  readonly messages: Map<string, number>;
  readonly prestaties: number;
  readonly refused: number;
}

const GROUPS = ['WMO301', 'WMO305', 'WMO307', 'WMO323'] as const;

/**
 * One run over a fresh key prefix: every message of the month, phase by phase, is judged on level
 * 3 exactly as the worker does it (src/queue/processors/process-message.ts) minus BullMQ and
 * levels 1–2: read the register view, run the level-3 rules, build the retour or WMO325, plan the
 * register writes and record the decision with them in one guarded Lua step. Messages are parsed
 * and stored before the clock starts; they run one at a time (one worker slot).
 */
async function runOnce(redisUrl: string, month: TrafficMonth): Promise<Timing> {
  const prefix = `bench-l3-${randomUUID()}`;
  const redis = new Redis(redisUrl);
  const bodyKey = randomBytes(32);
  const store = new MessageStore(redis, prefix, new BodyCipher(bodyKey));
  const register = new RedisRegister(redis, prefix, new ClientIds(deriveRegisterKey(bodyKey)));
  const decideMs = new Map<string, number>();
  const rulesMs = new Map<string, number>();
  const messages = new Map<string, number>();
  let prestaties = 0;
  let refused = 0;
  try {
    for (const phase of month.phases) {
      const prepared: { id: string; message: ParsedMessage }[] = [];
      for (const { type, xml } of phase.messages) {
        const id = randomUUID();
        const message = parseMessage(type, xml);
        await store.create({
          id,
          messageType: type,
          sender: message.header.Afzender,
          receiver: message.header.Ontvanger,
          berichtIdentificatie: message.header.BerichtIdentificatie.Identificatie,
          dagtekening: message.header.BerichtIdentificatie.Dagtekening,
          correlationId: id,
          body: Buffer.from(xml),
          receivedAt: new Date(),
        });
        prepared.push({ id, message });
        if (message.type === 'WMO323') {
          prestaties += message.Declaratie.Clienten.reduce((n, c) => n + c.Prestaties.length, 0);
        }
      }
      for (const { id, message } of prepared) {
        const start = performance.now();
        const snapshot = await register.load(message);
        const rulesStart = performance.now();
        const violations = checkLevel3(message, snapshot.view);
        const rulesEnd = performance.now();
        const outcome: ValidationOutcome<ParsedMessage> =
          violations.length === 0
            ? { kind: 'accepted', controlLevel: 3, message }
            : { kind: 'rejected', stage: 'rules', controlLevel: 3, message, violations };
        const declaratie = declaratieTotalsOf(message);
        const retour = answerMessage(message.type, outcome, {
          retourId: 'R00000000001',
          retourDate: '2026-04-10',
          ...(declaratie === undefined ? {} : { declaratie }),
        });
        const writes = register.plan(message, snapshot, { messageId: id, violations });
        const finished = await store.finishGuarded(
          id,
          {
            status: retour?.declaratie?.processed === true ? 'accepted' : outcome.kind,
            controlLevel: 3,
            violations,
            ...(retour === undefined ? {} : { retour }),
          },
          new Date(),
          writes,
          snapshot.guards,
        );
        if (finished !== 'decided') {
          throw new Error(`message ${id} was not decided (${finished})`);
        }
        const group = message.type;
        decideMs.set(group, (decideMs.get(group) ?? 0) + performance.now() - start);
        rulesMs.set(group, (rulesMs.get(group) ?? 0) + rulesEnd - rulesStart);
        messages.set(group, (messages.get(group) ?? 0) + 1);
        refused += retour?.declaratie?.refused ?? 0;
      }
    }
  } finally {
    await redis.quit();
  }
  return { decideMs, rulesMs, messages, prestaties, refused };
}

export async function benchLevel3(options: Level3Options): Promise<Row[]> {
  const month = generateTrafficMonth({ clients: options.clients, aanbieders: 4, seed: 7 });
  const dataDir = mkdtempSync(join(tmpdir(), 'iwmo-bench-redis-'));
  let redis: EmbeddedRedis | undefined;
  try {
    redis = await startEmbeddedRedis({ dataDir, appendfsync: 'everysec' });
    const runs: Timing[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      runs.push(await runOnce(redis.url, month));
    }
    const rate = (count: number, ms: (t: Timing) => number): number =>
      median(runs.map((t) => (count * 1000) / ms(t)));
    const sum = (map: Map<string, number>): number => [...map.values()].reduce((a, b) => a + b, 0);
    const first = runs[0];
    if (first === undefined) {
      throw new Error('no runs');
    }
    const rows: Row[] = [];
    for (const group of GROUPS) {
      const count = first.messages.get(group) ?? 0;
      rows.push({
        name: `${group}: view + rules + decision`,
        value: rate(count, (t) => t.decideMs.get(group) ?? Number.NaN),
        unit: 'msgs/s',
        notes: `${count} messages, one at a time`,
      });
    }
    const declarations = first.messages.get('WMO323') ?? 0;
    rows.push(
      {
        name: 'WMO323 Prestaties: view + rules + decision',
        value: rate(first.prestaties, (t) => t.decideMs.get('WMO323') ?? Number.NaN),
        unit: 'Prestaties/s',
        notes: `${first.prestaties} Prestaties in ${declarations} declarations, ${first.refused} refused`,
      },
      {
        name: 'WMO323 Prestaties: level-3 rules alone',
        value: rate(first.prestaties, (t) => t.rulesMs.get('WMO323') ?? Number.NaN),
        unit: 'Prestaties/s',
        notes: 'pure rules on the loaded view (no Redis)',
      },
      {
        name: 'whole month: view + rules + decision',
        value: rate(sum(first.messages), (t) => sum(t.decideMs)),
        unit: 'msgs/s',
        notes: `${options.clients} clients, ${month.totals.toewijzingen} toewijzingen, ${sum(first.messages)} messages`,
      },
    );
    return rows;
  } finally {
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The `level3` entry of bench/run.ts. Environment: BENCH_L3_CLIENTS (clients in the generated
 * month, default 2000).
 */
export const LEVEL3_BENCH = {
  title: 'Level 3 on the register: a generated month of regional traffic (bench/level3.ts)',
  run: (settings: { readonly runs: number }): Promise<Row[]> =>
    benchLevel3({ runs: settings.runs, clients: Number(process.env['BENCH_L3_CLIENTS'] ?? 2000) }),
};
