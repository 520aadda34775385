export * from './index.js';
export { findTool, requireTool, runTool, DEBIAN_PACKAGES } from './run-tool.js';
export type { ToolResult } from './run-tool.js';
export { writeDesign, readDesign } from './write-design.js';
export type { DesignRecord } from './write-design.js';
export { verifyDesign } from './verify-design.js';
export type { VerifyResult, Simulator } from './verify-design.js';
export {
  synthesizeXc7,
  synthesizeIce40,
  placeRouteUp5k,
  parseYosysStat,
  parseNextpnrFmax,
  parseNextpnrUtilisation,
  xc7Resources,
  ice40Resources,
} from './synthesize-design.js';
export type { ResourceCounts, PlaceRouteResult } from './synthesize-design.js';
export { mnistStimuli } from './mnist-stimuli.js';
export type { MnistStimuli } from './mnist-stimuli.js';
export { mnistTable, mnistTableMarkdown } from './mnist-table.js';
export type { MnistRow, MnistTableOptions } from './mnist-table.js';
