export { createSandboxConnector, SANDBOX_MANIFEST, sandboxPostUrl } from './sandbox.connector.js';
export { sandbox } from './sandbox.js';
export { SandboxFault, sandboxOps, type SandboxOp } from './sandbox.faults.js';
export type { SandboxAccountInit } from './sandbox.state.js';
export type { SandboxTables } from './sandbox.tables.js';
