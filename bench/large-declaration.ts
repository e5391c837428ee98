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

/** One timed step; `run` returns seconds when it times itself (a child process). */
interface Step {
  readonly name: string;
  readonly run: () => unknown;
  readonly notes?: string;
  /** Seconds measured by the step itself instead of around `run`. */
  readonly selfTimed?: boolean;
  /** Throws when the first run's result shows that the step did not do what it should. */
  readonly verify?: (result: unknown) => void;
}

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
 * (parse to the typed model, then the level-2 rules when `checkLevel2` exists). The steps run in
 * turns (all steps, `runs` times) so that load from other processes hits them alike; each row is
 * a median. The limits are libxml2's own parse and the system xmllint on the same bytes. Steps
 * that need code still being written elsewhere are reported as skipped.
 */
export async function benchLargeDeclaration(options: LargeBenchOptions): Promise<Row[]> {
  const generatedAt = performance.now();
  const { xml, clients, prestaties } = generateDeclarationOfSize(options.megabytes * MB, {
    seed: 2503,
  });
  const bytes = Buffer.from(xml, 'utf8');
  const mb = bytes.length / MB;
  const rows: Row[] = [
    {
      name: 'generated WMO323 (bench/generate-declaration.ts)',
      value: mb,
      unit: 'MB',
      notes: `${prestaties} Prestaties, ${clients} clients, generated in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`,
    },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'iwmo-bench-'));
  const file = join(dir, 'declaratie.xml');
  writeFileSync(file, bytes);
  const xsd = createXsdValidator(SCHEMA_DIR, 'libxml2-wasm');
  try {
    const checked = xsd.validate('WMO323', bytes);
    if (!checked.valid) {
      throw new Error(`the generated declaration is not XSD-valid: ${checked.issues[0]?.message}`);
    }
    const pipeline = createDefaultPipeline(xsd);
    const level2 = await level2Steps(xml, rows);
    const steps: Step[] = [
      {
        name: 'limit: libxml2-wasm parse only',
        run: () => XmlDocument.fromBuffer(bytes, { option: SAFE_PARSE_OPTIONS }).dispose(),
      },
      {
        name: 'limit: xmllint --schema (native libxml2)',
        run: () => timeXmllint(join(SCHEMA_DIR, 'WMO323.xsd'), file, 1) ?? Number.NaN,
        selfTimed: true,
        notes: 'separate process',
      },
      { name: 'level 1: XSD validate (libxml2-wasm)', run: () => xsd.validate('WMO323', bytes) },
      ...level2,
      {
        // What the worker runs: createDefaultPipeline (XSD, typed model, rule stages).
        name: 'worker: validateMessage, default pipeline (levels 1 + 2)',
        run: () => validateMessage(pipeline, 'WMO323', bytes),
        verify: (outcome) => {
          const kind = (outcome as ReturnType<typeof validateMessage>).kind;
          if (kind !== 'accepted') {
            throw new Error(`the default pipeline did not accept the declaration (${kind})`);
          }
        },
      },
    ];
    rows.push(...runInTurns(steps, options.runs, mb));
  } finally {
    xsd.close();
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push({ name: 'Prestaties in the message', value: prestaties, unit: 'count' });
  rows.push({ name: 'peak RSS of the bench process', value: peakRssMb(), unit: 'MB' });
  return rows;
}

function runInTurns(steps: readonly Step[], runs: number, mb: number): Row[] {
  const seconds = steps.map((): number[] => []);
  const rssAfterFirst: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    steps.forEach((step, i) => {
      const start = performance.now();
      const result = step.run();
      const elapsed = (performance.now() - start) / 1000;
      seconds[i]?.push(step.selfTimed === true ? Number(result) : elapsed);
      if (run === 0) {
        rssAfterFirst.push(peakRssMb());
        step.verify?.(result);
      }
    });
  }
  return steps.map((step, i) => {
    const value = median(seconds[i] ?? []);
    const rss =
      step.selfTimed === true ? '' : `; peak RSS so far ${rssAfterFirst[i]?.toFixed(0)} MB`;
    return {
      name: step.name,
      value,
      unit: 's',
      notes: `${(mb / value).toFixed(1)} MB/s${rss}${step.notes === undefined ? '' : `; ${step.notes}`}`,
    };
  });
}

/**
 * The level-2 steps that the code in the tree supports today. Checks once, untimed, that
 * checkLevel2 finds nothing in the generated declaration, and adds that (or why a step is
 * skipped) to `rows`.
 */
async function level2Steps(xml: string, rows: Row[]): Promise<Step[]> {
  const skip = (name: string, reason: string): void => {
    rows.push({ name, value: 'skipped', unit: '', notes: reason });
  };
  const [parseTree, readMessage, parseMessage, checkLevel2] = await Promise.all([
    optionalExport<ParseTree>('../src/model/xml-tree.js', 'parseXmlTreeDecoded', isFunction),
    optionalExport<ReadMessage>('../src/model/index.js', 'readMessage', isFunction),
    optionalExport<ParseMessage>('../src/model/index.js', 'parseMessage', isFunction),
    optionalExport<CheckLevel2>('../src/validation/rules/index.js', 'checkLevel2', isFunction),
  ]);
  const steps: Step[] = [];
  if ('value' in parseTree) {
    steps.push({
      name: 'reference: fast-xml-parser tree (parseXmlTreeDecoded)',
      run: () => parseTree.value(xml),
    });
    if ('value' in readMessage) {
      const tree = parseTree.value(xml);
      steps.push({
        name: 'level 2 parse: typed model from a ready tree (readMessage)',
        run: () => readMessage.value('WMO323', tree['Bericht']),
      });
    }
  } else {
    skip('reference: fast-xml-parser tree (parseXmlTreeDecoded)', parseTree.missing);
  }
  if (!('value' in parseMessage)) {
    skip('level 2 parse: parseMessage (XML → typed model)', parseMessage.missing);
    skip('level 2 rules: checkLevel2', 'needs parseMessage');
    return steps;
  }
  steps.push({
    name: 'level 2 parse: parseMessage (XML → typed model)',
    run: () => parseMessage.value('WMO323', xml),
  });
  if (!('value' in checkLevel2)) {
    skip('level 2 rules: checkLevel2', checkLevel2.missing);
    return steps;
  }
  const message = parseMessage.value('WMO323', xml);
  const count = violationCount(checkLevel2.value(message, {}));
  rows.push({
    name: 'level 2 violations found (checkLevel2)',
    value: count ?? 'unknown',
    unit: count === undefined ? '' : 'count',
    notes: 'expected 0: the generator writes level-2-clean declarations',
  });
  steps.push({ name: 'level 2 rules: checkLevel2', run: () => checkLevel2.value(message, {}) });
  return steps;
}
