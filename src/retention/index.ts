export { purgeExpiredBodies, type PurgeReport, type RetentionOptions } from './purge-bodies.js';
export { type RetentionTimer, startRetentionTimer } from './retention-timer.js';
