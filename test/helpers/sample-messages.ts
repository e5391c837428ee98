import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { MessageType } from '../../src/domain/message-types.js';

export const SAMPLES_DIR = join(import.meta.dirname, '../../samples/iwmo/3.2');

/** The first valid sample of a message type, as text. */
export function validSample(type: MessageType): string {
  const dir = join(SAMPLES_DIR, type, 'valid');
  const first = readdirSync(dir)
    .filter((name) => name.endsWith('.xml'))
    .sort()[0];
  if (first === undefined) {
    throw new Error(`no valid sample for ${type}`);
  }
  return readFileSync(join(dir, first), 'utf8');
}

/** Replaces the text of the first `<prefix:name>` element. */
export function withElementText(xml: string, name: string, value: string): string {
  const pattern = new RegExp(`(<([A-Za-z0-9]+:)?${name}>)[^<]*(</([A-Za-z0-9]+:)?${name}>)`);
  if (!pattern.test(xml)) {
    throw new Error(`no element ${name} in sample`);
  }
  return xml.replace(pattern, `$1${value}$3`);
}
