// The demo kit: what a demo component imports (see apps/docs/CONTRIBUTING-DEMOS.md).
export { BACKENDS, detectSupport, isBackend, queryAutorun, queryBackend, wasmPaths, withBackend } from './backend.js';
export type { BackendName, Support, TensorModule } from './backend.js';
export type { DemoContext, DemoRun, Timing } from './context.js';
