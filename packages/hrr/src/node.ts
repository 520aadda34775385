// @neurite/hrr/node: the parts of @neurite/hrr that need Node's file system (not for browser bundles).
export { saveVocabulary, loadVocabulary } from './vocabulary-file.js';
