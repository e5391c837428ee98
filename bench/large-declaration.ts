import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { XmlDocument } from 'libxml2-wasm';

import type { MessageType } from '../src/domain/message-types.js';
import { createDefaultPipeline } from '../src/validation/default-pipeline.js';
import { validateMessage } from '../src/validation/pipeline.js';
import { createXsdValidator } from '../src/validation/xsd/index.js';
import { SAFE_PARSE_OPTIONS } from '../src/validation/xsd/libxml2-wasm-xsd-validator.js';
import { generateDeclarationOfSize } from './generate-declaration.js';
import { MB, median, peakRssMb } from './measure.js';
import { isFunction, optionalExport } from './optional-export.js';
import { SCHEMA_DIR } from './samples.js';
import type { Row } from './table.js';
import { timeXmllint } from './xmllint.js';

export interface LargeBenchOptions {
  readonly runs: number;
  /** Size of the generated WMO323 in MB (2^20 bytes). @defaultValue 25 in bench/run.ts */
  readonly megabytes: number;
}

type ParseMessage = (type: MessageType, xml: string) => unknown;
type ParseTree = (xml: string) => Record<string, unknown>;
type ReadMessage = (type: MessageType, bericht: unknown) => unknown;
type CheckLevel2 = (message: unknown, context: object) => unknown;

/** How many violations a checkLevel2 result holds (an array, or an object with `violations`). */
function violationCount(result: unknown): number | undefined {
  if (Array.isArray(result)) {
    return result.length;
  }
  const violations = (result as { violations?: unknown } | null)?.violations;
  return Array.isArray(violations) ? violations.length : undefined;
}

/**
 * Bench 3: one generated WMO323 of `megabytes` MB through level 1 (XSD, libxml2-wasm) and level 2
 * (parse to the typed model, then the level-2 rules when `checkLevel2` exists). Every step is
 * timed `runs` times (median); the limits are libxml2's own parse and the system xmllint on the
 * same bytes. Steps that need code still being written elsewhere are reported as skipped.
 */
export async function benchLargeDeclaration(options: LargeBenchOptions): Promise<Row[]> {
  const { runs } = options;
  const rows: Row[] = [];
  const generatedAt = performance.now();
  const { xml, clients, prestaties } = generateDeclarationOfSize(options.megabytes * MB, {
    seed: 2503,
  });
  const bytes = Buffer.from(xml, 'utf8');
  const mb = bytes.length / MB;
  rows.push({
    name: 'generated WMO323 (bench/generate-declaration.ts)',
    value: mb,
    unit: 'MB',
    notes: `${prestaties} Prestaties, ${clients} clients, generated in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`,
  });

  /** Times `fn` `runs` times and adds a row: seconds, MB/s and the peak RSS so far. */
  const step = <T>(name: string, fn: () => T): T => {
    const times: number[] = [];
    let result: T | undefined;
    for (let run = 0; run < runs; run += 1) {
      result = undefined; // let the previous result be collected before the next run
      const start = performance.now();
      result = fn();
      times.push((performance.now() - start) / 1000);
    }
    const seconds = median(times);
    rows.push({
      name,
      value: seconds,
      unit: 's',
      notes: `${(mb / seconds).toFixed(1)} MB/s; peak RSS so far ${peakRssMb().toFixed(0)} MB`,
    });
    return result as T;
  };
  step('limit: libxml2-wasm parse only', () =>
    XmlDocument.fromBuffer(bytes, { option: SAFE_PARSE_OPTIONS }).dispose(),
  );
  const dir = mkdtempSync(join(tmpdir(), 'iwmo-bench-'));
  try {
    const file = join(dir, 'declaratie.xml');
    writeFileSync(file, bytes);
    const seconds = timeXmllint(join(SCHEMA_DIR, 'WMO323.xsd'), file, runs);
    rows.push(
      seconds === undefined
        ? { name: 'limit: xmllint --schema (native)', value: 'n/a', unit: '', notes: 'no xmllint' }
        : {
            name: 'limit: xmllint --schema (native libxml2)',
            value: seconds,
            unit: 's',
            notes: `${(mb / seconds).toFixed(1)} MB/s; separate process`,
          },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const xsd = createXsdValidator(SCHEMA_DIR, 'libxml2-wasm');
  try {
    const result = step('level 1: XSD validate (libxml2-wasm)', () =>
      xsd.validate('WMO323', bytes),
    );
    if (!result.valid) {
      throw new Error(`the generated declaration is not XSD-valid: ${result.issues[0]?.message}`);
    }
    await benchLevel2(xml, step, (row) => rows.push(row));
    const pipeline = createDefaultPipeline(xsd);
    // The worker today: createDefaultPipeline parses the whole document with fast-xml-parser to
    // read the header and the totals, then runs its rule stages.
    const outcome = step('worker today: validateMessage, default pipeline', () =>
      validateMessage(pipeline, 'WMO323', bytes),
    );
    if (outcome.kind !== 'accepted') {
      throw new Error(`the default pipeline did not accept the declaration (${outcome.kind})`);
    }
  } finally {
    xsd.close();
  }
  rows.push({ name: 'Prestaties in the message', value: prestaties, unit: 'count' });
  rows.push({ name: 'peak RSS of the bench process', value: peakRssMb(), unit: 'MB' });
  return rows;
}

async function benchLevel2(
  xml: string,
  step: <T>(name: string, fn: () => T) => T,
  add: (row: Row) => void,
): Promise<void> {
  const skip = (name: string, reason: string): void =>
    add({ name, value: 'skipped', unit: '', notes: reason });
  const parseTree = await optionalExport<ParseTree>(
    '../src/model/xml-tree.js',
    'parseXmlTreeDecoded',
    isFunction,
  );
  const readMessage = await optionalExport<ReadMessage>(
    '../src/model/index.js',
    'readMessage',
    isFunction,
  );
  const parseMessage = await optionalExport<ParseMessage>(
    '../src/model/index.js',
    'parseMessage',
    isFunction,
  );
  const checkLevel2 = await optionalExport<CheckLevel2>(
    '../src/validation/rules/index.js',
    'checkLevel2',
    isFunction,
  );
  if ('value' in parseTree) {
    const tree = step('level 2 parse: fast-xml-parser tree only', () => parseTree.value(xml));
    if ('value' in readMessage) {
      step('level 2 parse: typed model from that tree only', () =>
        readMessage.value('WMO323', tree['Bericht']),
      );
    }
  } else {
    skip('level 2 parse: fast-xml-parser tree only', parseTree.missing);
  }
  if (!('value' in parseMessage)) {
    skip('level 2 parse: parseMessage (tree + typed model)', parseMessage.missing);
    skip('level 2 rules: checkLevel2', 'needs parseMessage');
    return;
  }
  const message = step('level 2 parse: parseMessage (tree + typed model)', () =>
    parseMessage.value('WMO323', xml),
  );
  if (!('value' in checkLevel2)) {
    skip('level 2 rules: checkLevel2', checkLevel2.missing);
    return;
  }
  const result = step('level 2 rules: checkLevel2', () => checkLevel2.value(message, {}));
  const count = violationCount(result);
  add({
    name: 'level 2 violations found',
    value: count ?? 'unknown',
    unit: count === undefined ? '' : 'count',
    notes: 'expected 0: the generator writes level-2-clean declarations',
  });
}
