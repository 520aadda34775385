import { toRng } from '@neurite/tensor';
import type { SeedOrRng } from '@neurite/tensor';
import { ConvertError, checkInt, checkPositive, checkProb } from './convert-error.js';

/** Options of {@link syntheticNmnist}. */
export interface SyntheticNmnistOptions {
  /** Frames per saccade (default 8; three saccades per sample). */
  framesPerSaccade?: number;
  /** Log-intensity contrast threshold C of the event camera model (default 0.15). */
  contrast?: number;
  /** Probability of a spurious event per pixel, polarity and frame (default 0). */
  noise?: number;
  /** Saccade amplitude in pixels (default 2). */
  amplitude?: number;
  /** Seed of the saccade jitter and the noise. */
  seed?: SeedOrRng;
}

/**
 * N-MNIST-style event streams made from MNIST digits, LABELLED SYNTHETIC: not the
 * N-MNIST recordings (Orchard et al. 2015), which moved an ATIS camera in three
 * saccades over each digit shown on a monitor. Here the 28×28 digit is placed
 * in a 34×34 frame (N-MNIST's size) and moved along three straight saccades
 * (a triangle: right-down, left-down... back to the start; `amplitude` pixels),
 * sampled with bilinear interpolation. Each pixel keeps a reference
 * log-intensity L_ref (L = ln(ε + I), ε = 0.1); whenever |L − L_ref| ≥ C an ON
 * (increase) or OFF (decrease) event fires and L_ref moves by ±C (at most one
 * event per pixel and frame, like a DVS pixel's refractory period).
 * Output: per sample frames × 34 × 34 × 2 values (channel 0 ON, 1 OFF, 0/1),
 * row-major [n, frames, 34, 34, 2].
 */
export function syntheticNmnist(
  images: Float32Array,
  n: number,
  opts: SyntheticNmnistOptions = {},
): { events: Float32Array; frames: number } {
  checkInt('syntheticNmnist', 'n', n, 1);
  if (images.length < n * 784)
    throw new ConvertError('images', `syntheticNmnist: need ${n} × 784 values, got ${images.length}`, { code: 'ERR_SHAPE' });
  const fps = checkInt('syntheticNmnist', 'framesPerSaccade', opts.framesPerSaccade ?? 8, 1, 1000);
  const C = checkPositive('syntheticNmnist', 'contrast', opts.contrast ?? 0.15);
  const noise = checkProb('syntheticNmnist', 'noise', opts.noise ?? 0);
  const A = checkPositive('syntheticNmnist', 'amplitude', opts.amplitude ?? 2, true);
  const rng = toRng(opts.seed ?? 0);
  const S = 34;
  const frames = 3 * fps;
  const out = new Float32Array(n * frames * S * S * 2);
  // the three saccade legs of a triangle, as (dx, dy) offsets from the centred position
  const corners: [number, number][] = [
    [0, 0],
    [A, A],
    [-A, A],
    [0, 0],
  ];
  const eps = 0.1;
  const ref = new Float64Array(S * S);
  const frame = new Float64Array(S * S);
  for (let s = 0; s < n; s++) {
    const img = images.subarray(s * 784, (s + 1) * 784);
    const render = (dx: number, dy: number) => {
      for (let y = 0; y < S; y++)
        for (let x = 0; x < S; x++) {
          // source position in the 28×28 image (placed at offset 3 in the 34×34 frame, then shifted)
          const sx = x - 3 - dx;
          const sy = y - 3 - dy;
          const x0 = Math.floor(sx);
          const y0 = Math.floor(sy);
          const fx = sx - x0;
          const fy = sy - y0;
          const at = (yy: number, xx: number) => (yy >= 0 && yy < 28 && xx >= 0 && xx < 28 ? img[yy * 28 + xx] : 0);
          const v = (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) + fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1));
          frame[y * S + x] = Math.log(eps + v);
        }
    };
    render(0, 0);
    ref.set(frame);
    for (let leg = 0; leg < 3; leg++)
      for (let k = 1; k <= fps; k++) {
        const f = leg * fps + (k - 1);
        const a = k / fps;
        const [x0, y0] = corners[leg];
        const [x1, y1] = corners[leg + 1];
        render(x0 + a * (x1 - x0), y0 + a * (y1 - y0));
        const base = (s * frames + f) * S * S * 2;
        for (let p = 0; p < S * S; p++) {
          const d = frame[p] - ref[p];
          if (d >= C) {
            out[base + 2 * p] = 1;
            ref[p] += C;
          } else if (d <= -C) {
            out[base + 2 * p + 1] = 1;
            ref[p] -= C;
          }
          if (noise > 0) {
            if (rng.uniform() < noise) out[base + 2 * p] = 1;
            if (rng.uniform() < noise) out[base + 2 * p + 1] = 1;
          }
        }
      }
  }
  return { events: out, frames };
}
