import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { GatewayError } from '../errors/index.js';

/**
 * Writes a document into a directory a back office picks up: first under a hidden temporary name,
 * then renamed, so a reader never sees a half-written file. The name is deterministic, so a
 * re-delivery overwrites the same file instead of adding a duplicate.
 */
export async function deliverToDirectory(
  dir: string,
  fileName: string,
  body: string | Buffer,
): Promise<string> {
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  const target = join(dir, safeName);
  const temporary = join(dir, `.${safeName}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, body, { mode: 0o640 });
    await rename(temporary, target);
  } catch (caught) {
    throw new GatewayError('GW_ERR_DELIVERY_FAILED', {
      message: `cannot write to ${dir}: ${caught instanceof Error ? caught.message : String(caught)}`,
      cause: caught,
    });
  }
  return target;
}
