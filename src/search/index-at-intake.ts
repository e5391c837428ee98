import type { AtomicWrite } from '../store/index.js';
import type { IndexedMessage, SearchIndex } from './search-index.js';
import { extractSearchTerms } from './search-terms.js';

const decoder = new TextDecoder('utf-8');

/**
 * The search entries of a message being stored, for intake's store transaction: the message is
 * searchable from the moment it is acknowledged, and is stored with its entries or not at all.
 * The decision adds the same entries (idempotent) and the final status in its atomic step.
 */
export function intakeIndexWrites(
  index: SearchIndex | undefined,
  message: IndexedMessage,
  body: Uint8Array,
): AtomicWrite[] {
  return index === undefined
    ? []
    : index.entryWrites(message, extractSearchTerms(decoder.decode(body)));
}
