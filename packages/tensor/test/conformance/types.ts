/**
 * A conformance case runs on the active backend (cpu, wasm in Node; webgl,
 * webgpu in headless Chromium) and returns arrays that are compared with the
 * cpu backend's result: |x - ref| <= atol + rtol * |ref| elementwise
 * (defaults atol = 1e-5, rtol = 1e-4; state wider ones with a reason).
 * Cases import the API from '../../src/index.js' so the browser bundle builds
 * from source. A case must dispose every tensor it makes.
 */
export type CaseOutput = Record<string, ArrayLike<number>>;

export interface ConformanceCase {
  name: string;
  atol?: number;
  rtol?: number;
  /** Why the tolerance is what it is (required when wider than the default). */
  toleranceReason?: string;
  /** Backends to skip, with the reason in `skipReason`. */
  skip?: Array<'cpu' | 'wasm' | 'webgl' | 'webgpu'>;
  skipReason?: string;
  run(): Promise<CaseOutput>;
}
