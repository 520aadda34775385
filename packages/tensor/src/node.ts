// @neurite/tensor/node: helpers that need Node's file system (not for browser bundles).
export { writeFileAtomic } from './write-file-atomic.js';
