export type { OperatorTools } from './operator-tools.js';
export { registerOperatorRoutes } from './register-operator-routes.js';
