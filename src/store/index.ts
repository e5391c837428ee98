export { BodyCipher } from './body-cipher.js';
export { resolveBodyKey } from './body-key.js';
export type {
  MessageEvent,
  MessageRecord,
  MessageResult,
  TransportError,
} from './message-record.js';
export { type AtomicWrite, MessageStore, type NewMessage } from './message-store.js';
