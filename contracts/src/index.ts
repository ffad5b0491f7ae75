export * from './common.js';
export * from './auth.js';
export * from './institutions.js';
export * from './people.js';
export * from './inbox.js';
export * from './decisions.js';
export * from './accounts.js';
