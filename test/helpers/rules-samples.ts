import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MESSAGE_TYPES, type MessageType } from '../../src/domain/message-types.js';

/** Root of the iWmo 3.2 samples: `<TYPE>/valid/*.xml` and `<TYPE>/invalid/<RULE-ID>[-variant].xml`. */
export const RULE_SAMPLES_DIR = join(import.meta.dirname, '../../samples/iwmo/3.2');

/** Project schemas the samples are validated against (level 1). */
export const PROJECT_SCHEMA_DIR = join(import.meta.dirname, '../../schemas/iwmo/3.2');

export interface RuleSample {
  readonly type: MessageType;
  readonly kind: 'valid' | 'invalid';
  /** File name without `.xml`. */
  readonly name: string;
  /** Path relative to the samples root, for test titles. */
  readonly relativePath: string;
  readonly file: string;
  /**
   * The rule ids the sample must produce, sorted: none for a valid sample; for an invalid one the
   * rule id in its name, or the `ruleIds` of a `<name>.expected.json` next to it.
   */
  readonly expectedRuleIds: readonly string[];
}

interface ExpectedFile {
  readonly ruleIds: readonly string[];
}

function isMessageType(name: string): name is MessageType {
  return (MESSAGE_TYPES as readonly string[]).includes(name);
}

/** The rule id a sample file name stands for: `TR101-client` → `TR101`. */
export function ruleIdOfSampleName(name: string): string {
  return name.split('-')[0] ?? name;
}

function expectedFor(dir: string, name: string, kind: 'valid' | 'invalid'): readonly string[] {
  if (kind === 'valid') {
    return [];
  }
  const expectedFile = join(dir, `${name}.expected.json`);
  if (existsSync(expectedFile)) {
    const parsed = JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedFile;
    return [...parsed.ruleIds].sort();
  }
  return [ruleIdOfSampleName(name)];
}

/** Every sample under the samples root, sorted by path. Unknown type folders are reported. */
export function listRuleSamples(): { samples: RuleSample[]; unknownTypeDirs: string[] } {
  const samples: RuleSample[] = [];
  const unknownTypeDirs: string[] = [];
  if (!existsSync(RULE_SAMPLES_DIR)) {
    return { samples, unknownTypeDirs };
  }
  for (const typeDir of readdirSync(RULE_SAMPLES_DIR).sort()) {
    if (!isMessageType(typeDir)) {
      unknownTypeDirs.push(typeDir);
      continue;
    }
    for (const kind of ['valid', 'invalid'] as const) {
      const dir = join(RULE_SAMPLES_DIR, typeDir, kind);
      if (!existsSync(dir)) {
        continue;
      }
      for (const file of readdirSync(dir).sort()) {
        if (!file.endsWith('.xml')) {
          continue;
        }
        const name = file.slice(0, -'.xml'.length);
        samples.push({
          type: typeDir,
          kind,
          name,
          relativePath: `${typeDir}/${kind}/${file}`,
          file: join(dir, file),
          expectedRuleIds: expectedFor(dir, name, kind),
        });
      }
    }
  }
  return { samples, unknownTypeDirs };
}
