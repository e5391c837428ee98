import { gunzipSync, gzipSync } from 'node:zlib';

import type { ChainableCommander, Redis } from 'ioredis';

import type { MessageType } from '../domain/message-types.js';
import { isMessageStatus, type MessageStatus } from '../domain/status.js';
import { GatewayError } from '../errors/index.js';
import type { DecisionRecord } from '../validation/decision-record.js';
import type { BodyCipher } from './body-cipher.js';
import type {
  MessageEvent,
  MessageRecord,
  MessageResult,
  StufTransport,
  TransportError,
} from './message-record.js';
import { type StoreKeys, storeKeys } from './redis-keys.js';

/** Data intake knows when it stores a new message. */
export interface NewMessage {
  readonly id: string;
  readonly messageType: MessageType;
  readonly sender: string | undefined;
  readonly receiver: string | undefined;
  readonly berichtIdentificatie: string | undefined;
  readonly dagtekening: string | undefined;
  readonly correlationId: string;
  readonly body: Uint8Array;
  readonly receivedAt: Date;
  /** How the message arrived over StUF-GGk, when it did. */
  readonly stuf?: StufTransport;
}

/** The result of storing a StUF message: stored, or a transport duplicate of `existingId`. */
export type StufCreation =
  { readonly created: true } | { readonly created: false; readonly existingId: string };

/**
 * A write that must happen in the same atomic step as a message's decision (deliveries to
 * create, register updates): either the message is decided with all of them, or with none.
 * Keys are full Redis keys (the gateway runs on a single Redis, not a cluster).
 */
export type AtomicWrite =
  | { readonly op: 'hset'; readonly key: string; readonly fields: Readonly<Record<string, string>> }
  | { readonly op: 'zadd'; readonly key: string; readonly score: number; readonly member: string }
  | { readonly op: 'zrem'; readonly key: string; readonly member: string }
  | { readonly op: 'sadd'; readonly key: string; readonly member: string }
  | { readonly op: 'set'; readonly key: string; readonly value: string }
  | { readonly op: 'incrby'; readonly key: string; readonly by: number }
  | { readonly op: 'rpush'; readonly key: string; readonly value: string }
  | { readonly op: 'hincrby'; readonly key: string; readonly field: string; readonly by: number }
  | { readonly op: 'hdel'; readonly key: string; readonly field: string };

/**
 * A condition checked in the same atomic step, before any write: the decision and its writes
 * happen only if every guard still holds (optimistic concurrency for the register, which a
 * worker reads before it decides). A hash field must still have the value whose SHA-1 is
 * `sha1` ('' = absent); a set must still (not) contain `member`.
 */
export type AtomicGuard =
  | { readonly key: string; readonly field: string; readonly sha1: string }
  | { readonly key: string; readonly member: string; readonly present: boolean };

/** What a guarded decision did: decided now, already decided by another run, or a guard failed. */
export type FinishOutcome = 'decided' | 'already-decided' | 'conflict';

/**
 * Applies the AtomicWrite list in ARGV[6] (`writesJson`; shared by the decision and the StUF
 * store script). The fields of one hset go out as one HSET per 500 fields, not one call each: a
 * declaration of 26,000 Prestaties sets two hashes of 26,000 fields, and Redis runs nothing else
 * meanwhile.
 */
const APPLY_WRITES = `
for _, w in ipairs(cjson.decode(ARGV[6])) do
  if w.op == 'hset' then
    local args = {}
    for k, v in pairs(w.fields) do
      args[#args + 1] = k
      args[#args + 1] = v
      if #args >= 1000 then
        redis.call('HSET', w.key, unpack(args))
        args = {}
      end
    end
    if #args > 0 then redis.call('HSET', w.key, unpack(args)) end
  elseif w.op == 'zadd' then redis.call('ZADD', w.key, w.score, w.member)
  elseif w.op == 'zrem' then redis.call('ZREM', w.key, w.member)
  elseif w.op == 'sadd' then redis.call('SADD', w.key, w.member)
  elseif w.op == 'set' then redis.call('SET', w.key, w.value)
  elseif w.op == 'incrby' then redis.call('INCRBY', w.key, w.by)
  elseif w.op == 'rpush' then redis.call('RPUSH', w.key, w.value)
  elseif w.op == 'hincrby' then
    for i = 1, #w.f, 2 do redis.call('HINCRBY', w.key, w.f[i], w.f[i + 1]) end
  elseif w.op == 'hdel' then redis.call('HDEL', w.key, w.field)
  end
end
`;

/**
 * Finalises a message only if it is not terminal yet, so that a message is decided exactly once
 * even when a crashed worker's job is picked up again. KEYS: message, pending, retour, events.
 * ARGV: status, fields JSON (flat string map), retour xml ('' for none), event JSON, id,
 * atomic writes JSON (array of AtomicWrite), guards JSON (`guardsJson`: set members, then hash
 * fields grouped per key and read with one HMGET per 500 fields).
 * Returns -1 (no message), 0 (already decided), 1 (decided) or 2 (a guard failed; nothing written).
 */
const FINALIZE_SCRIPT = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return -1 end
if status == 'accepted' or status == 'rejected' or status == 'failed' then return 0 end
local guards = cjson.decode(ARGV[7])
for _, g in ipairs(guards.m) do
  if (redis.call('SISMEMBER', g[1], g[2]) == 1) ~= g[3] then return 2 end
end
for _, g in ipairs(guards.h) do
  local n = (#g - 1) / 2
  local i = 1
  while i <= n do
    local j = math.min(n, i + 499)
    local fields = {}
    for k = i, j do fields[#fields + 1] = g[2 * k] end
    local values = redis.call('HMGET', g[1], unpack(fields))
    for k = i, j do
      local v = values[k - i + 1]
      local sha1 = g[2 * k + 1]
      if v == false then
        if sha1 ~= '' then return 2 end
      elseif redis.sha1hex(v) ~= sha1 then return 2 end
    end
    i = j + 1
  end
end
local fields = cjson.decode(ARGV[2])
for k, v in pairs(fields) do redis.call('HSET', KEYS[1], k, v) end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
if ARGV[3] ~= '' then redis.call('SET', KEYS[3], ARGV[3]) end
redis.call('RPUSH', KEYS[4], ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[5])
${APPLY_WRITES}return 1
`;

/** Marks a message as processing unless it is terminal. KEYS: message, events. ARGV: now, attempt, event. */
const START_SCRIPT = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return -1 end
if status == 'accepted' or status == 'rejected' or status == 'failed' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'processing', 'updatedAt', ARGV[1], 'attempts', ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[3])
return 1
`;

/**
 * Stores a StUF message unless its transport reference (zender + referentienummer) is already
 * taken: claiming the reference and writing the message happen in one atomic step, so a reference
 * never points at a message that was not stored, and two concurrent copies store one message.
 * KEYS: reference, message, body, events, received, pending.
 * ARGV: id, fields JSON (flat string map), sealed body, event JSON, score, atomic writes JSON.
 * Returns nil when stored, otherwise the id the reference already points at.
 */
const CREATE_ONCE_SCRIPT = `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return redis.call('GET', KEYS[1]) end
local fields = cjson.decode(ARGV[2])
for k, v in pairs(fields) do redis.call('HSET', KEYS[2], k, v) end
redis.call('SET', KEYS[3], ARGV[3])
redis.call('RPUSH', KEYS[4], ARGV[4])
redis.call('ZADD', KEYS[5], ARGV[5], ARGV[1])
redis.call('ZADD', KEYS[6], ARGV[5], ARGV[1])
${APPLY_WRITES}return false
`;

/**
 * The durable record of every message: metadata hash, encrypted body, retour, timeline. Intake
 * writes a message in one MULTI, so a message is either fully stored or not at all.
 */
export class MessageStore {
  readonly keys: StoreKeys;
  readonly #redis: Redis;
  readonly #cipher: BodyCipher;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string, cipher: BodyCipher) {
    this.#redis = redis;
    this.#cipher = cipher;
    this.#prefix = prefix;
    this.keys = storeKeys(prefix);
  }

  /** Stores a new message, together with `writes` (e.g. search index entries), in one MULTI. */
  async create(message: NewMessage, writes: readonly AtomicWrite[] = []): Promise<void> {
    const k = this.keys;
    const { fields, at, score } = newMessageFields(message);
    const multi = this.#redis
      .multi()
      .hset(k.message(message.id), fields)
      .set(k.body(message.id), this.#cipher.encrypt(message.body))
      .rpush(k.events(message.id), event(at, 'received', { sizeBytes: message.body.length }))
      .zadd(k.received, score, message.id)
      .zadd(k.pending, score, message.id);
    for (const write of writes) {
      queueWrite(multi, write);
    }
    const results = await multi.exec();
    const failed = results?.find(([error]) => error !== null);
    if (results === null || failed !== undefined) {
      throw failed?.[0] ?? new Error('the store transaction was aborted');
    }
  }

  /**
   * Stores a message that arrived in a StUF-GGk Di01, once per transport reference: a second Di01
   * with the same zender organisatie and referentienummer stores nothing and gets the id of the
   * first. The reference record is durable (no expiry), like the message it points at.
   */
  async createStufMessage(
    message: NewMessage & { readonly stuf: StufTransport },
    writes: readonly AtomicWrite[] = [],
  ): Promise<StufCreation> {
    const k = this.keys;
    const { fields, at, score } = newMessageFields(message);
    const existing = (await this.#redis.eval(
      CREATE_ONCE_SCRIPT,
      6,
      this.#stufReferenceKey(message.stuf),
      k.message(message.id),
      k.body(message.id),
      k.events(message.id),
      k.received,
      k.pending,
      message.id,
      JSON.stringify(fields),
      this.#cipher.encrypt(message.body),
      event(at, 'received', {
        sizeBytes: message.body.length,
        transport: 'stuf-ggk0210',
        referentienummer: message.stuf.heen.referentienummer,
      }),
      score,
      writesJson(writes),
    )) as string | null;
    return existing === null ? { created: true } : { created: false, existingId: existing };
  }

  /** `<prefix>:stuf:ref:<zender organisatie>:<referentienummer>` (the organisatie URI-encoded). */
  #stufReferenceKey(stuf: StufTransport): string {
    const zender = encodeURIComponent(stuf.heen.zender.organisatie ?? '');
    return `${this.#prefix}:stuf:ref:${zender}:${stuf.heen.referentienummer}`;
  }

  async get(id: string): Promise<MessageRecord | undefined> {
    const hash = await this.#redis.hgetall(this.keys.message(id));
    return hash['id'] === undefined ? undefined : toRecord(hash);
  }

  async getBody(id: string): Promise<Buffer> {
    const sealed = await this.#redis.getBuffer(this.keys.body(id));
    if (sealed === null) {
      throw new GatewayError('GW_ERR_STORE_MESSAGE_MISSING', { details: { messageId: id } });
    }
    return this.#cipher.decrypt(sealed);
  }

  async getRetour(id: string): Promise<string | undefined> {
    return (await this.#redis.get(this.keys.retour(id))) ?? undefined;
  }

  /** The decision record of a decided WMO323 (issue #5), when one was recorded. */
  async getDecisionRecord(id: string): Promise<DecisionRecord | undefined> {
    const stored = await this.#redis.get(this.keys.decision(id));
    return stored === null ? undefined : decodeDecisionRecord(stored);
  }

  async getEvents(id: string): Promise<MessageEvent[]> {
    const raw = await this.#redis.lrange(this.keys.events(id), 0, -1);
    return raw.map((entry) => JSON.parse(entry) as MessageEvent);
  }

  /** Moves the message to processing; false when it is already decided (a re-run is a no-op). */
  async startProcessing(id: string, attempt: number, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const result = (await this.#redis.eval(
      START_SCRIPT,
      2,
      this.keys.message(id),
      this.keys.events(id),
      at,
      String(attempt),
      event(at, 'processing', { attempt }),
    )) as number;
    if (result === -1) {
      throw new GatewayError('GW_ERR_STORE_MESSAGE_MISSING', { details: { messageId: id } });
    }
    return result === 1;
  }

  /**
   * Records the decision atomically, together with `writes`; false when another run already
   * decided the message (then nothing is written).
   */
  async finish(
    id: string,
    result: MessageResult,
    now: Date,
    writes: readonly AtomicWrite[] = [],
  ): Promise<boolean> {
    return (await this.finishGuarded(id, result, now, writes, [])) === 'decided';
  }

  /**
   * As {@link finish}, but only while every guard holds: otherwise nothing is written and the
   * caller re-reads and decides again (`conflict`).
   */
  async finishGuarded(
    id: string,
    result: MessageResult,
    now: Date,
    writes: readonly AtomicWrite[],
    guards: readonly AtomicGuard[],
  ): Promise<FinishOutcome> {
    const at = now.toISOString();
    const fields: Record<string, string> = { updatedAt: at };
    let retourXml = '';
    let detail: Record<string, unknown>;
    const decision: AtomicWrite[] = [];
    if (result.status === 'failed') {
      fields['failureReason'] = result.failureReason;
      detail = { reason: result.failureReason };
    } else {
      fields['controlLevel'] = String(result.controlLevel);
      fields['violations'] = JSON.stringify(result.violations);
      if (result.transportError) {
        fields['transportError'] = JSON.stringify(result.transportError);
      }
      if (result.retour) {
        fields['retourId'] = result.retour.id;
        fields['retourType'] = result.retour.type;
        fields['retourCodes'] = JSON.stringify(result.retour.codes);
        retourXml = result.retour.xml;
      }
      if (result.decisionRecord !== undefined) {
        decision.push({
          op: 'set',
          key: this.keys.decision(id),
          value: encodeDecisionRecord(result.decisionRecord),
        });
      }
      detail = {
        controlLevel: result.controlLevel,
        ...(result.retour ? { retourId: result.retour.id, retourCodes: result.retour.codes } : {}),
        ...(result.transportError ? { transportError: result.transportError.code } : {}),
      };
    }
    const outcome = (await this.#redis.eval(
      FINALIZE_SCRIPT,
      4,
      this.keys.message(id),
      this.keys.pending,
      this.keys.retour(id),
      this.keys.events(id),
      result.status,
      JSON.stringify(fields),
      retourXml,
      event(at, result.status, detail),
      id,
      writesJson(decision.length === 0 ? writes : [...writes, ...decision]),
      guardsJson(guards),
    )) as number;
    if (outcome === -1) {
      throw new GatewayError('GW_ERR_STORE_MESSAGE_MISSING', { details: { messageId: id } });
    }
    return outcome === 1 ? 'decided' : outcome === 2 ? 'conflict' : 'already-decided';
  }

  /** Appends a timeline entry (e.g. a retried attempt) without changing the status. */
  async addEvent(
    id: string,
    name: string,
    detail: Record<string, unknown>,
    now: Date,
  ): Promise<void> {
    await this.#redis.rpush(this.keys.events(id), event(now.toISOString(), name, detail));
  }

  /** Ids of messages stored before `olderThan` that are not decided yet (oldest first). */
  async pendingBefore(olderThan: Date, limit: number): Promise<string[]> {
    return this.#redis.zrangebyscore(
      this.keys.pending,
      '-inf',
      olderThan.getTime(),
      'LIMIT',
      0,
      limit,
    );
  }

  /** Next IdentificatieRetour for a retour type sent on behalf of `party`: max 12 characters. */
  async nextRetourId(retourType: MessageType, party: string): Promise<string> {
    const n = await this.#redis.incr(this.keys.retourSequence(retourType, party));
    return `R${String(n).padStart(11, '0')}`;
  }
}

/** An AtomicWrite as APPLY_WRITES reads it: increments of one key as one list. */
type WireWrite =
  | Exclude<AtomicWrite, { readonly op: 'hincrby' }>
  | { readonly op: 'hincrby'; readonly key: string; readonly f: (string | number)[] };

/**
 * The writes as APPLY_WRITES reads them, in order; consecutive increments of one key become one
 * entry `{ op: 'hincrby', key, f: [field, by, field, by…] }`. A declaration of 26,000 Prestaties
 * makes 100,000 increments of two hashes: grouped, the JSON the script decodes is a quarter
 * smaller and holds a few Lua tables instead of 100,000.
 */
function writesJson(writes: readonly AtomicWrite[]): string {
  // cjson encodes an empty Lua table as {}, so an empty list is sent as an empty array text.
  if (writes.length === 0) {
    return '[]';
  }
  const wire: WireWrite[] = [];
  let increments: Extract<WireWrite, { readonly op: 'hincrby' }> | undefined;
  for (const write of writes) {
    if (write.op !== 'hincrby') {
      increments = undefined;
      wire.push(write);
    } else if (increments?.key === write.key) {
      increments.f.push(write.field, write.by);
    } else {
      increments = { op: 'hincrby', key: write.key, f: [write.field, write.by] };
      wire.push(increments);
    }
  }
  return JSON.stringify(wire);
}

/**
 * The guards as FINALIZE_SCRIPT reads them: `{ m: [[key, member, present]…], h: [[key, field,
 * sha1, field, sha1…]…] }`, the hash fields grouped per key. A declaration reads tens of
 * thousands of fields of a few hashes; grouped, the script checks them with one HMGET per 500
 * fields and the JSON does not repeat the key per field.
 */
function guardsJson(guards: readonly AtomicGuard[]): string {
  const members: [string, string, boolean][] = [];
  const fields = new Map<string, string[]>();
  for (const guard of guards) {
    if ('member' in guard) {
      members.push([guard.key, guard.member, guard.present]);
      continue;
    }
    let group = fields.get(guard.key);
    if (group === undefined) {
      group = [guard.key];
      fields.set(guard.key, group);
    }
    group.push(guard.field, guard.sha1);
  }
  // cjson decodes [] as an empty table either way; ipairs over it does nothing.
  return JSON.stringify({ m: members, h: [...fields.values()] });
}

const GZIP_BASE64 = 'gz1:';

/**
 * A decision record as stored: JSON, gzip-compressed, base64 (the decision script carries its
 * writes as JSON text). A record repeats the same keys and values per Prestatie, so a
 * declaration of 26,000 Prestaties takes about a megabyte instead of twenty (docs/contracts.md).
 */
export function encodeDecisionRecord(record: DecisionRecord): string {
  return GZIP_BASE64 + gzipSync(JSON.stringify(record)).toString('base64');
}

export function decodeDecisionRecord(stored: string): DecisionRecord {
  const json = stored.startsWith(GZIP_BASE64)
    ? gunzipSync(Buffer.from(stored.slice(GZIP_BASE64.length), 'base64')).toString('utf8')
    : stored;
  return JSON.parse(json) as DecisionRecord;
}

/** The metadata hash of a new message (status received), plus its timestamps. */
function newMessageFields(message: NewMessage): {
  fields: Record<string, string>;
  at: string;
  score: number;
} {
  const at = message.receivedAt.toISOString();
  const fields: Record<string, string> = {
    id: message.id,
    messageType: message.messageType,
    status: 'received',
    receivedAt: at,
    updatedAt: at,
    sizeBytes: String(message.body.length),
    correlationId: message.correlationId,
    attempts: '0',
  };
  for (const key of ['sender', 'receiver', 'berichtIdentificatie', 'dagtekening'] as const) {
    const value = message[key];
    if (value !== undefined) {
      fields[key] = value;
    }
  }
  if (message.stuf !== undefined) {
    fields['stuf'] = JSON.stringify(message.stuf);
  }
  return { fields, at, score: message.receivedAt.getTime() };
}

/** Adds one AtomicWrite to a MULTI (the same operations the Lua scripts apply). */
function queueWrite(multi: ChainableCommander, w: AtomicWrite): void {
  switch (w.op) {
    case 'hset':
      multi.hset(w.key, w.fields);
      break;
    case 'zadd':
      multi.zadd(w.key, w.score, w.member);
      break;
    case 'zrem':
      multi.zrem(w.key, w.member);
      break;
    case 'sadd':
      multi.sadd(w.key, w.member);
      break;
    case 'set':
      multi.set(w.key, w.value);
      break;
    case 'incrby':
      multi.incrby(w.key, w.by);
      break;
    case 'rpush':
      multi.rpush(w.key, w.value);
      break;
    case 'hincrby':
      multi.hincrby(w.key, w.field, w.by);
      break;
    case 'hdel':
      multi.hdel(w.key, w.field);
      break;
  }
}

function event(at: string, name: string, detail: Record<string, unknown>): string {
  return JSON.stringify({ at, event: name, detail });
}

function toRecord(hash: Record<string, string>): MessageRecord {
  const status = hash['status'] ?? 'received';
  const json = <T>(key: string): T | undefined => {
    const raw = hash[key];
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  };
  const controlLevel = hash['controlLevel'];
  return {
    id: hash['id'] ?? '',
    messageType: hash['messageType'] as MessageType,
    status: isMessageStatus(status) ? status : ('failed' satisfies MessageStatus),
    sender: hash['sender'],
    receiver: hash['receiver'],
    berichtIdentificatie: hash['berichtIdentificatie'],
    dagtekening: hash['dagtekening'],
    receivedAt: hash['receivedAt'] ?? '',
    updatedAt: hash['updatedAt'] ?? '',
    sizeBytes: Number(hash['sizeBytes'] ?? 0),
    correlationId: hash['correlationId'] ?? '',
    controlLevel: controlLevel === undefined ? undefined : Number(controlLevel),
    retourId: hash['retourId'],
    retourType: hash['retourType'] as MessageType | undefined,
    retourCodes: json<string[]>('retourCodes'),
    violations: json('violations'),
    transportError: json<TransportError>('transportError'),
    failureReason: hash['failureReason'],
    attempts: Number(hash['attempts'] ?? 0),
    ...(hash['stuf'] === undefined ? {} : { stuf: JSON.parse(hash['stuf']) as StufTransport }),
  };
}
