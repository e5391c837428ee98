import { readFileSync } from 'node:fs';

import { MESSAGE_TYPES, type MessageType } from '../../src/domain/message-types.js';
import { SHARED_REFERENCE } from '../helpers/shared-reference.js';
import { buildBaseDocuments } from './base-documents.js';
import { type CoveredMutations, generateMutations } from './mutations.js';
import type { CodeLists } from './value-probes.js';

/** One document to judge with both schema sets. */
export interface ConformanceCase {
  readonly type: MessageType;
  /** `base: …` for a base document, `<base> | <mutation>` for a mutation. */
  readonly name: string;
  readonly xml: Uint8Array;
  readonly kind: 'base' | 'mutation';
}

const encoder = new TextEncoder();

/**
 * Every case for every message type, in a fixed order: each base document, followed by its
 * mutations when it is a mutation base. Duplicate documents within a type are dropped, so the
 * counts are of distinct documents.
 */
export function buildConformanceCases(): Map<MessageType, ConformanceCase[]> {
  const byType = new Map<MessageType, ConformanceCase[]>(MESSAGE_TYPES.map((t) => [t, []]));
  const seen = new Map<MessageType, Set<string>>(MESSAGE_TYPES.map((t) => [t, new Set()]));
  const covered = new Map<MessageType, CoveredMutations>(MESSAGE_TYPES.map((t) => [t, new Set()]));
  const codeLists = readCodeLists();
  for (const base of buildBaseDocuments()) {
    const cases = byType.get(base.type) ?? [];
    const known = seen.get(base.type) ?? new Set<string>();
    const push = (name: string, xml: string, kind: ConformanceCase['kind']): void => {
      if (!known.has(xml)) {
        known.add(xml);
        cases.push({ type: base.type, name, xml: encoder.encode(xml), kind });
      }
    };
    push(`base: ${base.name}`, base.xml, 'base');
    if (base.mutate) {
      for (const mutation of generateMutations(base.xml, covered.get(base.type), codeLists)) {
        push(`${base.name} | ${mutation.name}`, mutation.xml, 'mutation');
      }
    }
  }
  return byType;
}

/**
 * A deterministic subset for the slower engine: all base documents plus `perType` mutations
 * taken at an even stride through each type's list.
 */
export function selectSubset(
  cases: readonly ConformanceCase[],
  perType: number,
): ConformanceCase[] {
  const bases = cases.filter((c) => c.kind === 'base');
  const mutations = cases.filter((c) => c.kind === 'mutation');
  const stride = Math.max(1, Math.floor(mutations.length / perType));
  const picked = mutations.filter((_, index) => index % stride === 0).slice(0, perType);
  return [...bases, ...picked];
}

interface CodeListFile {
  readonly iwmo_3_2: Readonly<Record<string, { readonly waarden: readonly { code: string }[] }>>;
}

/** The iWmo 3.2 code lists from the derived JSON in ../shared (fact sheet §5.1). */
function readCodeLists(): CodeLists {
  const file = JSON.parse(readFileSync(SHARED_REFERENCE.codeListsFile, 'utf8')) as CodeListFile;
  return Object.values(file.iwmo_3_2).map((list) => list.waarden.map((w) => w.code));
}
