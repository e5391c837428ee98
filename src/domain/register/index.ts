export * from './records.js';
export * from './register-keys.js';
export * from './register-view.js';
