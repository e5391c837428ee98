export { hashSecret, newApiKey } from './api-key.js';
export { loadParties } from './load-parties.js';
export {
  type ApiClientSpec,
  type Delivery,
  PARTIES_SCHEMA,
  type PartiesFile,
  type PartiesInput,
} from './parties-schema.js';
export {
  type Caller,
  callerActsFor,
  callerMayRead,
  PartyDirectory,
  type Route,
} from './party-directory.js';
