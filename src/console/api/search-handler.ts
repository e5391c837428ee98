import { ZodError } from 'zod';

import { GatewayError } from '../../errors/index.js';
import { parseSearchQuery, type SearchIndex } from '../../search/index.js';
import type { HandlerResult } from './handler.js';

/** GET /v1/search: the operator's message search (docs/api.md). */
export async function searchHandler(
  search: SearchIndex,
  query: Readonly<Record<string, unknown>>,
): Promise<HandlerResult> {
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
