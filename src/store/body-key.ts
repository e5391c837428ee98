import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEY_FILE = 'body-encryption.key';

/**
 * The body encryption key: BODY_ENCRYPTION_KEY when configured, otherwise a key generated once in
 * the data directory (mode 0600) and shared by every process of this gateway.
 */
export function resolveBodyKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured !== undefined) {
    return Buffer.from(configured, 'base64');
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, KEY_FILE);
  try {
    writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw caught;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}
