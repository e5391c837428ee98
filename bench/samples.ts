import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { HEEN_MESSAGE_TYPES, type MessageType } from '../src/domain/message-types.js';

export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_DIR = join(ROOT_DIR, 'schemas/iwmo/3.2');
const SAMPLES_DIR = join(ROOT_DIR, 'samples/iwmo/3.2');

export interface Sample {
  readonly type: MessageType;
  readonly file: string;
  readonly bytes: Buffer;
}

/** The first valid sample (by file name) of every heen message type that has one. */
export function validSamples(): Sample[] {
  return HEEN_MESSAGE_TYPES.flatMap((type) => {
    const dir = join(SAMPLES_DIR, type, 'valid');
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith('.xml'));
    } catch {
      return [];
    }
    const first = names.sort()[0];
    return first === undefined
      ? []
      : [{ type, file: first, bytes: readFileSync(join(dir, first)) }];
  });
}

/** The first valid sample of `type`; throws when there is none. */
export function validSample(type: MessageType): Sample {
  const sample = validSamples().find((s) => s.type === type);
  if (sample === undefined) {
    throw new Error(`no valid sample for ${type} in ${SAMPLES_DIR}`);
  }
  return sample;
}
