import type { DecisionFacts, DecisionObserver } from '../metrics/decision-observer.js';
import type { AtomicWrite } from '../store/index.js';
import type { SearchIndex } from './search-index.js';
import { extractSearchTerms, NO_TERMS } from './search-terms.js';

const decoder = new TextDecoder('utf-8');

/** Keeps the search index complete: every decided message gets all its entries and its status. */
export function searchObserver(index: SearchIndex): DecisionObserver {
  return {
    decisionWrites(facts: DecisionFacts): readonly AtomicWrite[] {
      const { record, result, body } = facts;
      const terms = body === undefined ? NO_TERMS : extractSearchTerms(decoder.decode(body));
      return index.decisionWrites(
        {
          id: record.id,
          messageType: record.messageType,
          sender: record.sender,
          receiver: record.receiver,
          berichtIdentificatie: record.berichtIdentificatie,
          receivedAt: new Date(record.receivedAt),
        },
        result.status,
        terms,
      );
    },
  };
}
