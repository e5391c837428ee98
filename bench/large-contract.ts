import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import { BUNDLED_SCHEMA_DIR } from '../src/config/index.js';
import { ContractRegistry } from '../src/contract/index.js';
import { createDeliveryQueue, DeliveryStore } from '../src/delivery/index.js';
import { checkDeclaration } from '../src/intake/check-declaration.js';
import { type ParsedMessage, parseMessage } from '../src/model/index.js';
import { createLogger } from '../src/observability/index.js';
import { PartyDirectory } from '../src/parties/index.js';
import { createMessageProcessor } from '../src/queue/processors/process-message.js';
import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { loadCbsGemeenten } from '../src/reference-data/index.js';
import { ClientIds, deriveRegisterKey, RedisRegister } from '../src/register/index.js';
import { BodyCipher, MessageStore } from '../src/store/index.js';
import { createDefaultPipeline, declaratieTotalsOf } from '../src/validation/default-pipeline.js';
import { validateMessage } from '../src/validation/pipeline.js';
import { createXsdValidator } from '../src/validation/xsd/index.js';
import { generateRegionMonth, type RegionMessage } from './generate-region-month.js';
import { median } from './measure.js';
import { compareWithExpectation, prestatieOutcomes } from './region-month-outcomes.js';
import { loadGooiContract } from './region-month-plan.js';
import type { Row } from './table.js';

/**
 * `npm run bench -- large-contract`: large declarations through levels 1–4 with the register.
 * One gemeente of the sample contract with many clients (bench/generate-region-month.ts), so that
 * each of its three suppliers sends one large WMO323: with 36,000 clients about 26,000, 15,600
 * and 10,400 Prestaties (20, 12 and 8 MB). The register gets the month's toewijzingen, starts and
 * stops first (setup, not timed: decided without levels 1–4). Then per declaration, largest
 * first: levels 1–2 alone (the limit), the dry run (checkDeclaration: levels 1–4, decision record,
 * WMO325, read-only; BENCH_RUNS times) and once the worker's decision (createMessageProcessor:
 * levels 1–4, record, WMO325 and the atomic step with the register writes; once, because it
 * changes the register). Each with the longest time the event loop was blocked, and for the
 * decision the time Redis spent in the decision script (INFO commandstats), during which it serves
 * no other client.
 */
export interface LargeContractBenchOptions {
  readonly runs: number;
  /** Clients of the one gemeente. */
  readonly clients: number;
}

interface Sources {
  readonly pipeline: ReturnType<typeof createDefaultPipeline>;
  readonly close: () => void;
}

function openSources(): Sources {
  const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');
  const registry = ContractRegistry.open({
    source: { dir: join(import.meta.dirname, '../samples/contracts') },
  });
  const pipeline = createDefaultPipeline(xsd, {
    crossMessage: true,
    externalSources: {
      cbs: loadCbsGemeenten(),
      contracts: () => registry.current(),
      clock: () => new Date(),
    },
  });
  return { pipeline, close: () => xsd.close() };
}

/** The longest stretch the event loop did not get to run a 5 ms timer, while `work` runs. */
async function timed<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; blockMs: number }> {
  let last = performance.now();
  let blockMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    blockMs = Math.max(blockMs, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - start, blockMs };
  } finally {
    clearInterval(ticker);
  }
}

async function evalMicroseconds(redis: Redis): Promise<number> {
  const stats = await redis.info('commandstats');
  return Number(/cmdstat_eval:calls=\d+,usec=(\d+)/.exec(stats)?.[1] ?? 0);
}

/** Decides the month's other messages straight into the register (setup; no rules run). */
async function fillRegister(
  messages: readonly RegionMessage[],
  store: MessageStore,
  register: RedisRegister,
): Promise<void> {
  let next = 0;
  const decideOne = async (message: RegionMessage): Promise<void> => {
    const id = randomUUID();
    const parsed = parseMessage(message.type, message.xml);
    await store.create({
      id,
      messageType: message.type,
      sender: parsed.header.Afzender,
      receiver: parsed.header.Ontvanger,
      berichtIdentificatie: parsed.header.BerichtIdentificatie.Identificatie,
      dagtekening: parsed.header.BerichtIdentificatie.Dagtekening,
      correlationId: id,
      body: Buffer.from(message.xml),
      receivedAt: new Date(),
    });
    const result = { status: 'accepted', controlLevel: 3, violations: [] } as const;
    for (;;) {
      const snapshot = await register.load(parsed);
      const writes = register.plan(parsed, snapshot, { messageId: id, violations: [] });
      const done = await store.finishGuarded(id, result, new Date(), writes, snapshot.guards);
      if (done !== 'conflict') {
        return;
      }
    }
  };
  // Messages of one phase are independent; 16 in flight keep Redis busy.
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let message = messages[next++]; message !== undefined; message = messages[next++]) {
        await decideOne(message);
      }
    }),
  );
}

export async function benchLargeContract(options: LargeContractBenchOptions): Promise<Row[]> {
  const full = loadGooiContract();
  const gemeente = full.terms.municipalities.slice(0, 1);
  const contract = { ...full, terms: { ...full.terms, municipalities: gemeente } };
  const generatedAt = performance.now();
  const month = generateRegionMonth({
    clientsPerGemeente: options.clients,
    seed: 5,
    faults: 0.03,
    contract,
  });
  const generatedS = (performance.now() - generatedAt) / 1000;
  const sources = openSources();
  const dataDir = mkdtempSync(join(tmpdir(), 'iwmo-bench-redis-'));
  const embedded = await startEmbeddedRedis({ dataDir, appendfsync: 'everysec' });
  const redis = new Redis(embedded.url, { maxRetriesPerRequest: null });
  const prefix = `bench-large-${randomUUID()}`;
  const bodyKey = randomBytes(32);
  const store = new MessageStore(redis, prefix, new BodyCipher(bodyKey));
  const register = new RedisRegister(redis, prefix, new ClientIds(deriveRegisterKey(bodyKey)));
  const rows: Row[] = [];
  try {
    const fillAt = performance.now();
    for (const phase of month.phases) {
      await fillRegister(
        phase.messages.filter((m) => m.type !== 'WMO323'),
        store,
        register,
      );
    }
    const fillS = (performance.now() - fillAt) / 1000;
    const processor = createMessageProcessor({
      store,
      pipeline: sources.pipeline,
      clock: () => new Date(),
      logger: createLogger({ level: 'warn', environment: 'bench', name: 'bench' }),
      declaratieTotals: declaratieTotalsOf,
      parties: PartyDirectory.openForDevelopment(),
      deliveries: new DeliveryStore(redis, prefix),
      deliveryQueue: createDeliveryQueue(redis, prefix),
      deliveryRetry: { attempts: 1, backoffMs: 1_000 },
      register,
    });
    const declarations = month.phases
      .flatMap((phase) => phase.messages)
      .filter((m) => m.type === 'WMO323')
      .map((m) => ({
        xml: m.xml,
        message: parseMessage('WMO323', m.xml) as ParsedMessage<'WMO323'>,
      }))
      .map((d) => ({
        ...d,
        prestaties: d.message.Declaratie.Clienten.reduce((n, c) => n + c.Prestaties.length, 0),
      }))
      .sort((a, b) => b.prestaties - a.prestaties);
    const outcomes = [];
    for (const { xml, message, prestaties } of declarations) {
      const body = Buffer.from(xml);
      const label = `WMO323 ${prestaties} Prestaties (${(body.byteLength / 2 ** 20).toFixed(1)} MB)`;
      const levels12: number[] = [];
      const dryRuns: { ms: number; blockMs: number }[] = [];
      for (let run = 0; run < options.runs; run += 1) {
        levels12.push(
          (
            await timed(() =>
              Promise.resolve(validateMessage(sources.pipeline, 'WMO323', body, { maxLevel: 2 })),
            )
          ).ms,
        );
        dryRuns.push(
          await timed(() =>
            checkDeclaration({ pipeline: sources.pipeline, register }, body, new Date()),
          ),
        );
      }
      const id = randomUUID();
      await store.create({
        id,
        messageType: 'WMO323',
        sender: message.header.Afzender,
        receiver: message.header.Ontvanger,
        berichtIdentificatie: message.header.BerichtIdentificatie.Identificatie,
        dagtekening: message.header.BerichtIdentificatie.Dagtekening,
        correlationId: id,
        body,
        receivedAt: new Date(),
      });
      const evalBefore = await evalMicroseconds(redis);
      const decided = await timed(() =>
        processor({
          id,
          data: { messageId: id, correlationId: id },
          attemptsMade: 0,
          opts: { attempts: 1 },
        } as never),
      );
      const evalMs = ((await evalMicroseconds(redis)) - evalBefore) / 1000;
      const record = await store.get(id);
      outcomes.push(...prestatieOutcomes(message, record?.violations ?? []));
      const perSecond = (ms: number): string =>
        `${Math.round((prestaties * 1000) / ms).toLocaleString('en-US')} Prestaties/s`;
      rows.push(
        {
          name: `${label}: worker decision, levels 1–4`,
          value: decided.ms / 1000,
          unit: 's',
          notes: `${perSecond(decided.ms)}; record, WMO325, register writes; longest event-loop block ${(decided.blockMs / 1000).toFixed(2)} s; Redis in the decision script ${(evalMs / 1000).toFixed(2)} s`,
        },
        {
          name: `${label}: dry run (checkDeclaration)`,
          value: median(dryRuns.map((d) => d.ms)) / 1000,
          unit: 's',
          notes: `${perSecond(median(dryRuns.map((d) => d.ms)))}; longest event-loop block ${(median(dryRuns.map((d) => d.blockMs)) / 1000).toFixed(2)} s`,
        },
        {
          name: `${label}: limit: levels 1–2 alone`,
          value: median(levels12) / 1000,
          unit: 's',
          notes: 'validateMessage up to level 2 (XSD, typed model, in-message rules)',
        },
      );
    }
    const comparison = compareWithExpectation(month, outcomes);
    rows.push(
      {
        name: 'register filled with',
        value: month.totals.messages - declarations.length,
        unit: 'messages',
        notes: `${month.totals.clients} clients, ${month.totals.toewijzingen} toewijzingen; generated in ${generatedS.toFixed(1)} s, filled in ${fillS.toFixed(1)} s (not timed above)`,
      },
      {
        name: 'Prestaties judged otherwise than expected',
        value: comparison.mismatches.length,
        unit: 'count',
        notes:
          comparison.mismatches.length === 0
            ? `expected 0; granted / refused ${comparison.granted} / ${comparison.refused}`
            : comparison.mismatches.slice(0, 3).join('; '),
      },
    );
    return rows;
  } finally {
    await redis.quit();
    await embedded.stop();
    sources.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The `large-contract` entry of bench/run.ts. Environment: BENCH_LARGE_CONTRACT_CLIENTS (clients of
 * the one gemeente, default 36,000: a first declaration of ≈ 26,000 Prestaties).
 */
export const LARGE_CONTRACT_BENCH = {
  title: 'Large declarations through levels 1–4 with the register (bench/large-contract.ts)',
  run: (settings: { readonly runs: number }): Promise<Row[]> =>
    benchLargeContract({
      runs: settings.runs,
      clients: Number(process.env['BENCH_LARGE_CONTRACT_CLIENTS'] ?? 36_000),
    }),
};
