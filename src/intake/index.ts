export { type AppDeps, buildApp } from './build-app.js';
export {
  type DeclarationCheck,
  type DeclarationCheckDeps,
  DRY_RUN_RETOUR_ID,
  type Finding,
} from './check-declaration.js';
export type { GatewayApp } from './gateway-app.js';
