import { ZodError } from 'zod';

import { GatewayError } from '../../errors/index.js';
import { parseSearchQuery, type SearchIndex } from '../../search/index.js';
import type { HandlerResult } from './handler.js';

/**
 * GET and POST /v1/search: the operator's message search (docs/api.md). A BSN is accepted only in
 * a POST body: in a URL it would end up in access logs and browser history.
 */
export async function searchHandler(
  search: SearchIndex,
  query: Readonly<Record<string, unknown>>,
  method: 'GET' | 'POST',
): Promise<HandlerResult> {
  if (method === 'GET' && typeof query['bsn'] === 'string' && query['bsn'] !== '') {
    throw new GatewayError('GW_ERR_API_BAD_REQUEST', {
      message: 'search by BSN with POST /v1/search (JSON body), never in a URL',
    });
  }
  let parsed;
  try {
    parsed = parseSearchQuery(query);
  } catch (caught) {
    if (caught instanceof ZodError) {
      throw new GatewayError('GW_ERR_API_BAD_REQUEST', {
        message: `invalid search: ${caught.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      });
    }
    throw caught;
  }
  return { status: 200, body: await search.search(parsed) };
}
