export { createOperatorTools, type OperatorToolsInput } from './create-operator-tools.js';
export { deadlinesObserver } from './deadlines-observer.js';
export { intakeOperatorWrites } from './intake-operator-writes.js';
export type { OperatorSettings, OperatorTools } from './operator-tools.js';
export { registerOperatorRoutes } from './register-operator-routes.js';
