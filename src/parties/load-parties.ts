import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { GatewayError } from '../errors/index.js';
import { PARTIES_SCHEMA } from './parties-schema.js';
import { PartyDirectory } from './party-directory.js';

/**
 * Reads and validates the parties file (JSON). Without a file the gateway runs in development
 * mode (every party local, no authentication), which is refused on a non-loopback interface.
 */
export function loadParties(file: string | undefined, httpHost: string): PartyDirectory {
  if (file === undefined) {
    if (!isLoopback(httpHost)) {
      throw new GatewayError('GW_ERR_CONFIG_INVALID', {
        message: `PARTIES_FILE is required when HTTP_HOST (${httpHost}) is not a loopback address: without it the API has no authentication`,
      });
    }
    return PartyDirectory.openForDevelopment();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (caught) {
    throw new GatewayError('GW_ERR_CONFIG_INVALID', {
      message: `cannot read the parties file ${file}: ${caught instanceof Error ? caught.message : String(caught)}`,
      cause: caught,
    });
  }
  const parsed = PARTIES_SCHEMA.safeParse(raw);
  if (!parsed.success) {
    throw new GatewayError('GW_ERR_CONFIG_INVALID', {
      message: `invalid parties file ${file}:\n${z.prettifyError(parsed.error)}`,
    });
  }
  return PartyDirectory.fromFile(parsed.data);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
