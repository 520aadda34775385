/**
 * The browser side of test/browser.test.ts, bundled from source with esbuild
 * like a user's bundle (platform browser, no plugins): @neurite/assembly (src)
 * and @neurite/tensor with its GPU backends. Exposes `globalThis.__assembly`.
 */
import '@neurite/tensor/webgl';
import '@neurite/tensor/webgpu';
import { backendInfo, setBackend } from '@neurite/tensor';
import { exerciseLearningChecked, type LearningExercise } from './exercise-learning.js';
import { seededRounds, type SeededRounds } from '../seeded-rounds.js';

export interface AssemblyPageApi {
  /** The seeded lazy-Brain rounds of test/seeded-rounds.ts (no tensors). */
  seededRounds(): SeededRounds;
  /** exerciseLearning on `backend` ('wasm' with the served .wasm files). */
  exercise(backend: 'wasm' | 'webgl' | 'webgpu', wasmPath: string): Promise<LearningExercise | { error: string }>;
}

const message = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

const api: AssemblyPageApi = {
  seededRounds,
  async exercise(backend, wasmPath) {
    try {
      await setBackend(backend, backend === 'wasm' ? { wasmPaths: wasmPath } : {});
      return await exerciseLearningChecked(backendInfo().name);
    } catch (e) {
      return { error: message(e) };
    }
  },
};

(globalThis as unknown as { __assembly: AssemblyPageApi }).__assembly = api;
