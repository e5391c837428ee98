export {
  addDays,
  billableMonths,
  deliveryInvoiceDeadline,
  firstDayOfMonth,
  isBillableMonth,
  lastDayOfMonth,
  maintenanceInvoiceDeadline,
  monthOf,
  nextMonth,
  previousMonth,
} from './billing-periods.js';
export {
  dateOfDayNumber,
  type DatePeriod,
  dayNumber,
  isCalendarDate,
  periodContains,
  periodsOverlap,
  yearOf,
} from './calendar.js';
export { basisPoints, checkContract, type ContractProblem } from './check-contract.js';
export {
  type Contract,
  type ContractVersion,
  formatContractVersion,
  parseContract,
  type ParseContractResult,
} from './contract.js';
export {
  type ContractFormat,
  contractFormatOf,
  MAX_CONTRACT_BYTES,
  MAX_YAML_ALIAS_COUNT,
} from './contract-document.js';
export {
  type ContractLog,
  ContractRegistry,
  type ContractRegistryOptions,
  type ContractSource,
  type ReloadReport,
} from './contract-registry.js';
export {
  CONTRACT_FORMAT,
  CONTRACT_SCHEMA,
  type ContractPhase,
  type ContractPrice,
  type ContractProduct,
  type ContractSupplier,
  type ContractTerms,
  type Eenheid,
  type Pricing,
} from './contract-schema.js';
export { type ContractLine, ContractSet, type LineResolution } from './contract-set.js';
export {
  allowedUnits,
  coversAll,
  firstGap,
  governsCategory,
  indexedAmount,
  intersect,
  servesGemeente,
  supplierCoverage,
  type TariffTerm,
  tariffTerm,
} from './contract-terms.js';
