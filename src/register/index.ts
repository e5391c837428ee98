export { ClientIds, deriveRegisterKey } from './client-ids.js';
export { loadRegisterView, type RegisterSnapshot } from './load-register-view.js';
export { planRegisterWrites, type RegisterDecision } from './plan-register-writes.js';
export {
  type AllocationPrestatie,
  type AllocationVersion,
  type AllocationView,
  readAllocation,
} from './read-allocation.js';
export { RedisRegister } from './redis-register.js';
export { type RegisterKeys, registerKeys } from './register-keys.js';
