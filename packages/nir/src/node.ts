// @neurite/nir/node: everything in @neurite/nir plus reading and writing files (Node only).
export * from './index.js';
export { readNir, readNirFile, writeNir, readNirData, writeNirData } from './nir-files.js';
