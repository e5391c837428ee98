export { BodyCipher } from './body-cipher.js';
export { resolveBodyKey } from './body-key.js';
export type {
  MessageEvent,
  MessageRecord,
  MessageResult,
  StufTransport,
  TransportError,
} from './message-record.js';
export {
  type AtomicGuard,
  type AtomicWrite,
  type FinishOutcome,
  MessageStore,
  type NewMessage,
  type StufCreation,
} from './message-store.js';
