export { type AppDeps, buildApp } from './build-app.js';
export type { GatewayApp } from './gateway-app.js';
