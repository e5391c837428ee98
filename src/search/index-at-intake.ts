import { coerceError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import type { IndexedMessage, SearchIndex } from './search-index.js';
import { extractSearchTerms } from './search-terms.js';

const decoder = new TextDecoder('utf-8');

/**
 * Makes a just-stored message searchable before it is decided. Runs right after the store
 * transaction; when it fails the message is still stored and acknowledged, and its decision adds
 * the same entries atomically (searchObserver), so every decided message is indexed.
 */
export async function indexAtIntake(
  index: SearchIndex | undefined,
  message: IndexedMessage,
  body: Uint8Array,
  log: Pick<Logger, 'warn'>,
): Promise<void> {
  if (index === undefined) {
    return;
  }
  try {
    await index.apply(index.entryWrites(message, extractSearchTerms(decoder.decode(body))));
  } catch (caught) {
    log.warn(
      { err: coerceError(caught), messageId: message.id },
      'search index not updated at intake; the decision adds it',
    );
  }
}
