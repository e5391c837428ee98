import type { SearchIndex } from '../search/index.js';

/**
 * The operator's tools (issue #7), handed to `buildApp`: search, metrics and the web console.
 * Absent in apps that do not need them (benchmarks, some tests); then their routes do not exist.
 */
export interface OperatorTools {
  readonly search: SearchIndex;
}
