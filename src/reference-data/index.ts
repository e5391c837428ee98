export {
  BUNDLED_CBS_GEMEENTEN_FILE,
  CBS_GEMEENTEN_SCHEMA,
  type CbsGemeenteEntry,
  CbsGemeenten,
  type CbsGemeentenFile,
  checkCbsGemeenten,
  loadCbsGemeenten,
} from './cbs-gemeenten.js';
