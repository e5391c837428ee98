import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import { dutchCalendarDate } from '../src/clock/calendar-date.js';
import { BUNDLED_SCHEMA_DIR } from '../src/config/index.js';
import { ContractRegistry, type ContractSet } from '../src/contract/index.js';
import type { RegisterView } from '../src/domain/register/index.js';
import { type ParsedMessage, parseMessage } from '../src/model/index.js';
import { type EmbeddedRedis, startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { type CbsGemeenten, loadCbsGemeenten } from '../src/reference-data/index.js';
import { ClientIds, deriveRegisterKey, RedisRegister } from '../src/register/index.js';
import { answerMessage } from '../src/retour/index.js';
import { BodyCipher, MessageStore } from '../src/store/index.js';
import { decisionRecordOf } from '../src/validation/decision-record-of.js';
import { createDefaultPipeline, declaratieTotalsOf } from '../src/validation/default-pipeline.js';
import type { ValidationOutcome } from '../src/validation/outcome.js';
import { continueValidation, type Pipeline, validateMessage } from '../src/validation/pipeline.js';
import { checkLevel4 } from '../src/validation/rules/index.js';
import type { Violation } from '../src/validation/violation.js';
import { createXsdValidator, type XsdValidator } from '../src/validation/xsd/index.js';
import {
  generateRegionMonth,
  type RegionMessage,
  type RegionMonth,
} from './generate-region-month.js';
import { median } from './measure.js';
import {
  compareWithExpectation,
  type PrestatieOutcome,
  prestatieOutcomes,
} from './region-month-outcomes.js';
import type { Row } from './table.js';

/**
 * `npm run bench -- contract`: a generated month of Wmo aids traffic for the whole Gooi en
 * Vechtstreek region (bench/generate-region-month.ts) through the worker's real pipeline, levels
 * 1–4, with the register and the sample contracts (as with CONTRACTS_DIR=samples/contracts),
 * against an embedded redis-server: per message XSD (libxml2-wasm), the typed model and level 2,
 * the register view, levels 3 and 4, the decision record, the retour or WMO325 and the guarded
 * atomic decision with its register writes, one message at a time (one worker slot), as
 * src/queue/processors/process-message.ts does it minus BullMQ and deliveries. "Level-4 rules
 * alone" is the pure rule time (checkLevel4) on the same declarations and views, measured after.
 */
export interface ContractBenchOptions {
  readonly runs: number;
  /** Clients per gemeente (the contract has 7). */
  readonly clientsPerGemeente: number;
  /** Fraction of the eligible aids with an injected fault, per kind. */
  readonly faults: number;
}

type RegionType = RegionMessage['type'];

interface Timing {
  readonly decideMs: Map<RegionType, number>;
  readonly level4Ms: number;
  readonly messages: Map<RegionType, number>;
  readonly outcomes: PrestatieOutcome[];
}

const GROUPS: readonly RegionType[] = ['WMO301', 'WMO305', 'WMO307', 'WMO323'];

interface Sources {
  readonly xsd: XsdValidator;
  readonly pipeline: Pipeline<ParsedMessage>;
  readonly contracts: ContractSet;
  readonly cbs: CbsGemeenten;
}

function openSources(): Sources {
  const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');
  const registry = ContractRegistry.open({
    source: { dir: join(import.meta.dirname, '../samples/contracts') },
  });
  const contracts = registry.current();
  const cbs = loadCbsGemeenten();
  const pipeline = createDefaultPipeline(xsd, {
    crossMessage: true,
    externalSources: { cbs, contracts: () => contracts, clock: () => new Date() },
  });
  return { xsd, pipeline, contracts, cbs };
}

interface Decided {
  readonly message?: ParsedMessage;
  readonly view?: RegisterView;
  readonly violations: readonly Violation[];
}

/** One message as the worker decides it (process-message.ts decideAndRecord, one round). */
async function decide(
  sources: Sources,
  store: MessageStore,
  register: RedisRegister,
  id: string,
  type: RegionType,
  body: Buffer,
  today: string,
): Promise<Decided> {
  const inMessage = validateMessage(sources.pipeline, type, body, { maxLevel: 2 });
  if (inMessage.kind === 'rejected') {
    const found =
      inMessage.stage === 'xsd'
        ? inMessage.issues.map((issue) => JSON.stringify(issue))
        : inMessage.violations.map((v) => `${v.ruleId} ${v.location} ${v.detail ?? ''}`);
    throw new Error(
      `${type} ${id} rejected on level ${inMessage.controlLevel} (a generator bug):\n${found.slice(0, 10).join('\n')}`,
    );
  }
  const snapshot = await register.load(inMessage.message);
  const outcome: ValidationOutcome<ParsedMessage> = continueValidation(
    sources.pipeline,
    inMessage,
    {
      context: { register: snapshot.view },
    },
  );
  const violations =
    outcome.kind === 'rejected' && outcome.stage === 'rules' ? outcome.violations : [];
  const decisionRecord = decisionRecordOf(sources.pipeline, outcome, snapshot.view, () => today);
  const declaratie = declaratieTotalsOf(inMessage.message);
  const retour = answerMessage(type, outcome, {
    retourId: 'R00000000001',
    retourDate: today,
    ...(declaratie === undefined ? {} : { declaratie }),
  });
  const writes = register.plan(inMessage.message, snapshot, { messageId: id, violations });
  const finished = await store.finishGuarded(
    id,
    {
      status: retour?.declaratie?.processed === true ? 'accepted' : outcome.kind,
      controlLevel: outcome.kind === 'rejected' ? outcome.controlLevel : outcome.controlLevel,
      violations,
      ...(retour === undefined ? {} : { retour }),
      ...(decisionRecord === undefined ? {} : { decisionRecord }),
    },
    new Date(),
    writes,
    snapshot.guards,
  );
  if (finished !== 'decided') {
    throw new Error(`message ${id} was not decided (${finished})`);
  }
  return { message: inMessage.message, view: snapshot.view, violations };
}

async function runOnce(redisUrl: string, month: RegionMonth, sources: Sources): Promise<Timing> {
  const prefix = `bench-contract-${randomUUID()}`;
  const redis = new Redis(redisUrl);
  const bodyKey = randomBytes(32);
  const store = new MessageStore(redis, prefix, new BodyCipher(bodyKey));
  const register = new RedisRegister(redis, prefix, new ClientIds(deriveRegisterKey(bodyKey)));
  const decideMs = new Map<RegionType, number>();
  const messages = new Map<RegionType, number>();
  const outcomes: PrestatieOutcome[] = [];
  const judged: { body: Buffer; view: RegisterView }[] = [];
  const today = dutchCalendarDate(new Date());
  try {
    for (const phase of month.phases) {
      // Stored before the clock starts, as intake would have done.
      const prepared: { id: string; type: RegionType; body: Buffer }[] = [];
      for (const { type, xml } of phase.messages) {
        const id = randomUUID();
        const { header } = parseMessage(type, xml);
        await store.create({
          id,
          messageType: type,
          sender: header.Afzender,
          receiver: header.Ontvanger,
          berichtIdentificatie: header.BerichtIdentificatie.Identificatie,
          dagtekening: header.BerichtIdentificatie.Dagtekening,
          correlationId: id,
          body: Buffer.from(xml),
          receivedAt: new Date(),
        });
        prepared.push({ id, type, body: Buffer.from(xml) });
      }
      for (const { id, type, body } of prepared) {
        const start = performance.now();
        const decided = await decide(sources, store, register, id, type, body, today);
        decideMs.set(type, (decideMs.get(type) ?? 0) + performance.now() - start);
        messages.set(type, (messages.get(type) ?? 0) + 1);
        const message = decided.message;
        if (message?.type === 'WMO323' && decided.view !== undefined) {
          judged.push({ body, view: decided.view });
          outcomes.push(...prestatieOutcomes(message, decided.violations));
        }
      }
    }
  } finally {
    await redis.quit();
  }
  // Parsed again, so that nothing the pipeline memoised per Prestatie object is reused.
  const fresh = judged.map(({ body, view }) => ({
    message: parseMessage('WMO323', body.toString('utf8')),
    view,
  }));
  const level4Start = performance.now();
  for (const { message, view } of fresh) {
    checkLevel4(message, { today, cbs: sources.cbs, contracts: sources.contracts, register: view });
  }
  return { decideMs, level4Ms: performance.now() - level4Start, messages, outcomes };
}

export async function benchContract(options: ContractBenchOptions): Promise<Row[]> {
  const generatedAt = performance.now();
  const month = generateRegionMonth({
    clientsPerGemeente: options.clientsPerGemeente,
    faults: options.faults,
    seed: 5,
  });
  const generatedS = (performance.now() - generatedAt) / 1000;
  const sources = openSources();
  const dataDir = mkdtempSync(join(tmpdir(), 'iwmo-bench-redis-'));
  let redis: EmbeddedRedis | undefined;
  try {
    redis = await startEmbeddedRedis({ dataDir, appendfsync: 'everysec' });
    const runs: Timing[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      runs.push(await runOnce(redis.url, month, sources));
    }
    return rowsOf(month, runs, generatedS);
  } finally {
    await redis?.stop();
    sources.xsd.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function rowsOf(month: RegionMonth, runs: readonly Timing[], generatedS: number): Row[] {
  const first = runs[0];
  if (first === undefined) {
    throw new Error('no runs');
  }
  const rate = (count: number, ms: (t: Timing) => number): number =>
    median(runs.map((t) => (count * 1000) / ms(t)));
  const sum = (map: Map<RegionType, number>): number =>
    [...map.values()].reduce((a, b) => a + b, 0);
  const { totals } = month;
  const comparison = compareWithExpectation(month, first.outcomes);
  const rows: Row[] = [];
  for (const group of GROUPS) {
    const count = first.messages.get(group) ?? 0;
    rows.push({
      name: `${group}: levels 1–4 + register decision`,
      value: rate(count, (t) => t.decideMs.get(group) ?? Number.NaN),
      unit: 'msgs/s',
      notes: `${count} messages, one at a time`,
    });
  }
  const declarations = first.messages.get('WMO323') ?? 0;
  rows.push(
    {
      name: 'WMO323 Prestaties: levels 1–4 + register decision',
      value: rate(totals.prestaties, (t) => t.decideMs.get('WMO323') ?? Number.NaN),
      unit: 'Prestaties/s',
      notes: `${totals.prestaties} Prestaties in ${declarations} declarations (7 gemeenten × 3 suppliers)`,
    },
    {
      name: 'WMO323 Prestaties: level-4 rules alone',
      value: rate(totals.prestaties, (t) => t.level4Ms),
      unit: 'Prestaties/s',
      notes: 'checkLevel4 on the loaded views (no Redis, no XML)',
    },
    {
      name: 'whole month: levels 1–4 + register decision',
      value: rate(sum(first.messages), (t) => sum(t.decideMs)),
      unit: 'msgs/s',
      notes: `${totals.clients} clients, ${totals.toewijzingen} toewijzingen, generated in ${generatedS.toFixed(1)} s`,
    },
    {
      name: 'messages',
      value: sum(first.messages),
      unit: 'count',
      notes: GROUPS.map((g) => `${g} ${first.messages.get(g) ?? 0}`).join(', '),
    },
    {
      name: 'Prestaties granted / refused',
      value: `${comparison.granted} / ${comparison.refused}`,
      unit: '',
      notes: `generator expects ${totals.granted} / ${totals.refused}; faults ${Object.entries(
        totals.faults,
      )
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}`,
    },
    {
      name: 'Prestaties judged otherwise than expected',
      value: comparison.mismatches.length,
      unit: 'count',
      notes:
        comparison.mismatches.length === 0
          ? 'expected 0'
          : comparison.mismatches.slice(0, 3).join('; '),
    },
  );
  return rows;
}

/**
 * The `contract` entry of bench/run.ts. Environment: BENCH_CONTRACT_CLIENTS (clients per gemeente,
 * default 300), BENCH_CONTRACT_FAULTS (fraction of eligible aids with a fault per kind, 0.03).
 */
export const CONTRACT_BENCH = {
  title:
    'Levels 1–4 with the register: a month of Wmo aids for the whole region (bench/contract.ts)',
  run: (settings: { readonly runs: number }): Promise<Row[]> =>
    benchContract({
      runs: settings.runs,
      clientsPerGemeente: Number(process.env['BENCH_CONTRACT_CLIENTS'] ?? 300),
      faults: Number(process.env['BENCH_CONTRACT_FAULTS'] ?? 0.03),
    }),
};
