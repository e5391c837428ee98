import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { XmlDocument } from 'libxml2-wasm';
import type * as libxmljs from 'libxmljs2';

import type { MessageType } from '../src/domain/message-types.js';
import {
  createXsdValidator,
  type XsdEngine,
  type XsdResult,
  type XsdValidator,
} from '../src/validation/xsd/index.js';
import { SAFE_PARSE_OPTIONS } from '../src/validation/xsd/libxml2-wasm-xsd-validator.js';
import { generateDeclarationOfSize } from './generate-declaration.js';
import { interleavedRates, MB, median } from './measure.js';
import { SCHEMA_DIR, validSamples } from './samples.js';
import type { Row } from './table.js';
import { timeXmllint } from './xmllint.js';

type Libxmljs = typeof libxmljs;

const ENGINES: readonly XsdEngine[] = ['libxml2-wasm', 'libxmljs2'];
/** The same parse options the libxmljs2 validator uses for instance documents. */
const LIBXMLJS_OPTIONS = { nonet: true, noent: false, dtdload: false, big_lines: true } as const;

export interface XsdBenchOptions {
  readonly runs: number;
  /** Size of the generated large WMO323 in MB (2^20 bytes). */
  readonly largeMb: number;
}

/** A parse-only function per engine: the ceiling that validation cannot beat. */
function parsers(): Record<XsdEngine, (xml: Uint8Array) => void> {
  const libxmljs = createRequire(import.meta.url)('libxmljs2') as Libxmljs;
  return {
    'libxml2-wasm': (xml) => XmlDocument.fromBuffer(xml, { option: SAFE_PARSE_OPTIONS }).dispose(),
    libxmljs2: (xml) => {
      libxmljs.parseXml(Buffer.from(xml).toString('utf8'), LIBXMLJS_OPTIONS);
    },
  };
}

function assertValid(validator: XsdValidator, type: MessageType, xml: Uint8Array): void {
  const result = validator.validate(type, xml);
  if (!result.valid) {
    const first = result.issues[0]?.message ?? 'not well-formed';
    throw new Error(`${validator.engine}: ${type} sample is not valid: ${first}`);
  }
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(1)}×`;
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(0)} %`;
}

/**
 * Bench 1: the two XSD engines behind the XsdValidator port, on the project schemas. Per valid
 * sample: validations per second next to parse-only per second (the limit); then MB/s on a
 * generated large WMO323 next to the system xmllint (native libxml2) on the same file.
 */
export function benchXsdEngines(options: XsdBenchOptions): Row[] {
  const { runs } = options;
  const rows: Row[] = [];
  const validators = {} as Record<XsdEngine, XsdValidator>;
  for (const engine of ENGINES) {
    const times: number[] = [];
    let validator: XsdValidator | undefined;
    for (let run = 0; run < runs; run += 1) {
      validator?.close();
      const start = performance.now();
      validator = createXsdValidator(SCHEMA_DIR, engine);
      times.push(performance.now() - start);
    }
    if (validator === undefined) {
      throw new Error('runs must be at least 1');
    }
    validators[engine] = validator;
    rows.push({
      name: `${engine}: load + compile 14 schemas`,
      value: median(times),
      unit: 'ms',
      notes:
        engine === 'libxmljs2'
          ? 'parses the XSD documents only: libxmljs2 compiles them again on every validate call'
          : 'once per process',
    });
  }
  const parse = parsers();
  for (const sample of validSamples()) {
    const kb = (sample.bytes.length / 1024).toFixed(1);
    for (const engine of ENGINES) {
      assertValid(validators[engine], sample.type, sample.bytes);
    }
    const r = interleavedRates(
      {
        wasmValidate: () => validators['libxml2-wasm'].validate(sample.type, sample.bytes),
        nativeValidate: () => validators.libxmljs2.validate(sample.type, sample.bytes),
        wasmParse: () => parse['libxml2-wasm'](sample.bytes),
        nativeParse: () => parse.libxmljs2(sample.bytes),
      },
      { runs, minMs: 200, warmup: 10 },
    );
    rows.push(
      {
        name: `${sample.type} (${kb} KB) libxml2-wasm validate`,
        value: r.wasmValidate,
        unit: 'msgs/s',
        notes: `${ratio(r.wasmValidate, r.nativeValidate)} libxmljs2; ${percent(r.wasmValidate, r.wasmParse)} of its parse-only limit`,
      },
      {
        name: `${sample.type} (${kb} KB) libxmljs2 validate`,
        value: r.nativeValidate,
        unit: 'msgs/s',
        notes: `${percent(r.nativeValidate, r.nativeParse)} of its parse-only limit`,
      },
      { name: `${sample.type} limit: libxml2-wasm parse only`, value: r.wasmParse, unit: 'msgs/s' },
      { name: `${sample.type} limit: libxmljs2 parse only`, value: r.nativeParse, unit: 'msgs/s' },
    );
  }
  rows.push(...benchLarge(options, validators, parse));
  for (const engine of ENGINES) {
    validators[engine].close();
  }
  return rows;
}

function benchLarge(
  options: XsdBenchOptions,
  validators: Record<XsdEngine, XsdValidator>,
  parse: Record<XsdEngine, (xml: Uint8Array) => void>,
): Row[] {
  const { xml, prestaties } = generateDeclarationOfSize(options.largeMb * MB, { seed: 323 });
  const bytes = Buffer.from(xml, 'utf8');
  const mb = bytes.length / MB;
  const label = `WMO323 ${mb.toFixed(1)} MB (${prestaties} Prestaties)`;
  const rows: Row[] = [];
  const times: Record<'wasm' | 'native' | 'parse', number[]> = { wasm: [], native: [], parse: [] };
  const timed = (list: number[], fn: () => unknown): unknown => {
    const start = performance.now();
    const result = fn();
    list.push((performance.now() - start) / 1000);
    return result;
  };
  for (let run = 0; run < options.runs; run += 1) {
    for (const engine of ENGINES) {
      const list = engine === 'libxml2-wasm' ? times.wasm : times.native;
      const result = timed(list, () => validators[engine].validate('WMO323', bytes)) as XsdResult;
      if (!result.valid) {
        throw new Error(`${engine}: the generated declaration is not valid`);
      }
    }
    timed(times.parse, () => parse['libxml2-wasm'](bytes));
  }
  const wasm = median(times.wasm);
  const native = median(times.native);
  const parseSeconds = median(times.parse);
  const dir = mkdtempSync(join(tmpdir(), 'iwmo-bench-'));
  let xmllint: number | undefined;
  try {
    const file = join(dir, 'declaratie.xml');
    writeFileSync(file, bytes);
    xmllint = timeXmllint(join(SCHEMA_DIR, 'WMO323.xsd'), file, options.runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push(
    {
      name: `${label} libxml2-wasm validate`,
      value: mb / wasm,
      unit: 'MB/s',
      notes: `${wasm.toFixed(2)} s; ${ratio(native, wasm)} libxmljs2`,
    },
    {
      name: `${label} libxmljs2 validate`,
      value: mb / native,
      unit: 'MB/s',
      notes: `${native.toFixed(2)} s`,
    },
    {
      name: 'limit: libxml2-wasm parse only, same file',
      value: mb / parseSeconds,
      unit: 'MB/s',
      notes: `${parseSeconds.toFixed(2)} s`,
    },
    xmllint === undefined
      ? { name: 'limit: xmllint --schema (native)', value: 'n/a', unit: '', notes: 'no xmllint' }
      : {
          name: 'limit: xmllint --schema (native libxml2)',
          value: mb / xmllint,
          unit: 'MB/s',
          notes: `${xmllint.toFixed(2)} s incl. process start and schema compile`,
        },
  );
  return rows;
}
