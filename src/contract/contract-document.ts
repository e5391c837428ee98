import { extname } from 'node:path';

import { isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';

/**
 * The two notations of a contract file (docs/contracts.md): JSON, or YAML for people who want
 * comments. Both give the same plain data, which the one zod schema then checks.
 */
export type ContractFormat = 'json' | 'yaml';

/**
 * The largest contract file read, in bytes. The sample contract (31 products, 3 suppliers) is
 * ≈ 20 KB; a contract with hundreds of products stays far below this.
 */
export const MAX_CONTRACT_BYTES = 1_048_576;

/**
 * The most alias expansions a YAML contract may make (the `yaml` package's `maxAliasCount`:
 * each alias counts the nodes it repeats). Enough to share a pricing block between every
 * product of a catalogue; a "billion laughs" of nested aliases exceeds it after a few levels.
 */
export const MAX_YAML_ALIAS_COUNT = 1_000;

/** Which notation a file is by its extension (`.json`, `.yaml`, `.yml`; any case). */
export function contractFormatOf(file: string): ContractFormat | undefined {
  switch (extname(file).toLowerCase()) {
    case '.json':
      return 'json';
    case '.yaml':
    case '.yml':
      return 'yaml';
    default:
      return undefined;
  }
}

export type ReadContractDocumentResult =
  | { readonly ok: true; readonly raw: unknown }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Reads a contract file's bytes (UTF-8) into plain data, before the schema. Never throws for a bad file.
 * YAML is read safely: YAML 1.2 core schema (dates and codes stay strings unless they look like
 * numbers, which the schema then refuses), no custom or YAML 1.1 tags (`!!binary`, `!!timestamp`
 * and any `!tag` are refused), no `<<` merge keys, duplicate keys refused, one document only and
 * at most {@link MAX_YAML_ALIAS_COUNT} alias expansions. Problems carry line and column.
 */
export function readContractDocument(
  bytes: Uint8Array | string,
  format: ContractFormat,
): ReadContractDocumentResult {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > MAX_CONTRACT_BYTES) {
    return fail(`✖ too large: ${size} bytes, at most ${MAX_CONTRACT_BYTES}`);
  }
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  return format === 'json' ? readJson(text) : readYaml(text);
}

function readJson(text: string): ReadContractDocumentResult {
  try {
    return { ok: true, raw: JSON.parse(text) };
  } catch (caught) {
    return fail(`✖ not JSON: ${caught instanceof Error ? caught.message : String(caught)}`);
  }
}

function readYaml(text: string): ReadContractDocumentResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    customTags: [],
    resolveKnownTags: false,
    merge: false,
    uniqueKeys: true,
    stringKeys: true,
    strict: true,
    prettyErrors: true,
  });
  // A directive such as `%YAML 1.1` would switch to the YAML 1.1 schema (timestamps, merge keys).
  const version = doc.directives?.yaml.version;
  if (version !== undefined && version !== '1.2') {
    return fail(`✖ not YAML 1.2: the file declares %YAML ${version}`);
  }
  // Warnings include unresolved tags (e.g. `!!js/function`, `!!timestamp`), which would
  // otherwise silently become strings: refused like errors.
  const problems = [
    ...[...doc.errors, ...doc.warnings].map(describeYamlError),
    ...mergeKeys(doc, lineCounter),
  ];
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  try {
    return { ok: true, raw: doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }) };
  } catch (caught) {
    // ReferenceError from the alias limit or an alias before its anchor.
    const reason = caught instanceof Error ? caught.message : String(caught);
    return fail(
      reason.startsWith('Excessive alias count')
        ? `✖ not YAML: more than ${MAX_YAML_ALIAS_COUNT} alias expansions (${reason})`
        : `✖ not YAML: ${reason}`,
    );
  }
}

/**
 * A plain `<<` key: a YAML 1.1 merge key, which this reader does not expand. Reported here with
 * its line rather than later as an unknown key.
 */
function mergeKeys(doc: ReturnType<typeof parseDocument>, lines: LineCounter): string[] {
  const problems: string[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (isScalar(key) && key.value === '<<' && key.type === 'PLAIN') {
        const at = lines.linePos(key.range?.[0] ?? 0);
        problems.push(
          `✖ not YAML, line ${at.line} column ${at.col} (MERGE_KEY): merge keys (<<) are not supported; repeat the keys or use an alias of the whole mapping`,
        );
      }
    },
  });
  return problems;
}

/** `✖ not YAML, line 3 column 7 (BAD_INDENT): All mapping items must start at the same column`. */
function describeYamlError(error: YAMLError): string {
  const at = error.linePos?.[0];
  const where = at === undefined ? '' : `, line ${at.line} column ${at.col}`;
  // The pretty message appends the offending source lines; the first line is the statement.
  const statement = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
  return `✖ not YAML${where} (${error.code}): ${statement ?? error.message}`;
}

function fail(problem: string): ReadContractDocumentResult {
  return { ok: false, problems: [problem] };
}
