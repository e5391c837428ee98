export { BsnHasher, isBsnInput, normaliseBsn } from './bsn-hasher.js';
export { intakeIndexWrites } from './index-at-intake.js';
export {
  type IndexedMessage,
  SEARCH_FIELDS,
  type SearchField,
  type SearchHit,
  SearchIndex,
  searchKey,
  type SearchPage,
} from './search-index.js';
export { searchObserver } from './search-observer.js';
export { parseSearchQuery, SEARCH_QUERY_SCHEMA, type SearchQuery } from './search-query.js';
export {
  extractSearchTerms,
  MAX_TERMS_PER_FIELD,
  NO_TERMS,
  type SearchTerms,
} from './search-terms.js';
