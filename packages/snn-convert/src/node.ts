// @neurite/snn-convert/node: everything in the package plus file IO (Node only).
export * from './index.js';
export { loadModelFile, saveModelFiles } from './model-files.js';
