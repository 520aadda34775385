import { EqPropError } from './eqprop-error.js';
import { gemm } from './gemm.js';

/**
 * A convolutional input coupling (the P_CNN idea of Laborieux et al. 2021, with average
 * pooling so that the energy stays bilinear): the first state layer is C feature maps of
 * size P×P, coupled to the input image x [inChannels, side, side] through a valid
 * convolution with kernels K [C, inChannels, k, k] (stride 1) followed by p×p average pooling:
 *
 *   Φ ∋ Σ_{c, y, x'} s_1[c, y, x'] · (1/p²) Σ_{dy, dx < p} (K_c ⋆ x)[p·y + dy, p·x' + dx]
 *
 * Since pooling and convolution are linear this is s_1ᵀ A(K) x for a structured matrix
 * A(K), and EP's update of K is ∂Φ/∂K at the two fixed points. With the pooled patches
 * X̄[p, (ci, ky, kx)] = (1/p²) Σ_{dy, dx} x[ci, py·p + dy + ky, px·p + dx + kx] of an image,
 * the drive is u_1[c, p] = Σ_j K[c, j] X̄[p, j] + b_1 and ∂Φ/∂K[c, j] = Σ_p s_1[c, p] X̄[p, j].
 * States are stored channel-major: index c·P² + py·P + px.
 */
export interface ConvSpec {
  /** Feature maps C. */
  channels: number;
  /** Kernel side k. */
  kernel: number;
  /** Average-pooling side p (stride p). */
  pool: number;
  /** Input channels (default 1); the input side is √(inputDim / inChannels). */
  inChannels?: number;
}

/** The resolved geometry of a {@link ConvSpec} for an input size. */
export interface ConvGeometry {
  channels: number;
  kernel: number;
  pool: number;
  inChannels: number;
  side: number;
  /** Pooled side P = (side − k + 1) / p. */
  pooled: number;
  /** Patch length inChannels·k². */
  patch: number;
  /** State units C·P². */
  units: number;
}

export function convGeometry(spec: ConvSpec, inputDim: number): ConvGeometry {
  const fn = 'EqPropKernel';
  const inChannels = spec.inChannels ?? 1;
  for (const [k, v] of Object.entries({ channels: spec.channels, kernel: spec.kernel, pool: spec.pool, inChannels })) {
    if (!Number.isInteger(v) || v < 1)
      throw new EqPropError(`conv.${k}`, `${fn}: conv.${k} must be a positive integer, got ${String(v)}`, { code: 'ERR_OUT_OF_RANGE' });
  }
  const side = Math.round(Math.sqrt(inputDim / inChannels));
  if (side * side * inChannels !== inputDim) {
    throw new EqPropError('conv', `${fn}: inputDim ${inputDim} is not inChannels·side² for inChannels ${inChannels}`, {
      code: 'ERR_SHAPE',
    });
  }
  const out = side - spec.kernel + 1;
  if (out < spec.pool || out % spec.pool !== 0) {
    throw new EqPropError('conv', `${fn}: the ${out}×${out} convolution output does not divide into ${spec.pool}×${spec.pool} pools`, {
      code: 'ERR_SHAPE',
    });
  }
  const pooled = out / spec.pool;
  return {
    channels: spec.channels,
    kernel: spec.kernel,
    pool: spec.pool,
    inChannels,
    side,
    pooled,
    patch: inChannels * spec.kernel * spec.kernel,
    units: spec.channels * pooled * pooled,
  };
}

/** X̄ for a batch: [B, P², inChannels·k²] (into `out` when given). */
export function pooledPatches(x: Float32Array, B: number, g: ConvGeometry, out?: Float32Array): Float32Array {
  const { side, kernel: k, pool: p, pooled: P, inChannels, patch } = g;
  out ??= new Float32Array(B * P * P * patch);
  const inv = 1 / (p * p);
  const img = inChannels * side * side;
  for (let b = 0; b < B; b++) {
    for (let py = 0; py < P; py++) {
      for (let px = 0; px < P; px++) {
        const o = ((b * P + py) * P + px) * patch;
        for (let ci = 0; ci < inChannels; ci++) {
          for (let ky = 0; ky < k; ky++) {
            for (let kx = 0; kx < k; kx++) {
              let acc = 0;
              for (let dy = 0; dy < p; dy++) {
                const row = b * img + ci * side * side + (py * p + dy + ky) * side + px * p + kx;
                for (let dx = 0; dx < p; dx++) acc += x[row + dx];
              }
              out[o + (ci * k + ky) * k + kx] = acc * inv;
            }
          }
        }
      }
    }
  }
  return out;
}

/** X̄ᵀ per example: out[b, j, p] = X̄[b, p, j] ([B, inChannels·k², P²]). */
export function transposePatches(patches: Float32Array, B: number, g: ConvGeometry, out?: Float32Array): Float32Array {
  const J = g.patch;
  const P2 = g.pooled * g.pooled;
  out ??= new Float32Array(B * J * P2);
  for (let b = 0; b < B; b++) {
    const o = b * J * P2;
    for (let p = 0; p < P2; p++) for (let j = 0; j < J; j++) out[o + j * P2 + p] = patches[o + p * J + j];
  }
  return out;
}

/**
 * drive[b, c·P² + p] = b_1[c·P² + p] + Σ_j K[c, j] X̄[b, p, j]: per example the product
 * K [C, J] · X̄_bᵀ [J, P²] ({@link gemm}; X̄ᵀ from {@link transposePatches} when not given).
 */
export function convDrive(
  drive: Float32Array,
  patches: Float32Array,
  K: Float32Array,
  bias: Float32Array,
  B: number,
  g: ConvGeometry,
  patchesT?: Float32Array,
): void {
  const { channels: C, patch: J } = g;
  const P2 = g.pooled * g.pooled;
  const xt = patchesT ?? transposePatches(patches, B, g);
  for (let b = 0; b < B; b++) {
    gemm(drive.subarray(b * C * P2, (b + 1) * C * P2), K, xt.subarray(b * J * P2, (b + 1) * J * P2), C, J, P2, J, 1, P2, P2, 1, bias, P2);
  }
}

/**
 * acc[c, j] += coef · Σ_b Σ_p d[b, c·P² + p] X̄[b, p, j] (the Hebbian term ∂Φ/∂K for states d):
 * per example the product D_b [C, P²] · X̄_b [P², J] ({@link gemm}).
 */
export function convGradient(acc: Float32Array, patches: Float32Array, d: Float32Array, coef: number, B: number, g: ConvGeometry): void {
  const { channels: C, patch: J } = g;
  const P2 = g.pooled * g.pooled;
  for (let b = 0; b < B; b++) {
    gemm(acc, d.subarray(b * C * P2, (b + 1) * C * P2), patches.subarray(b * P2 * J, (b + 1) * P2 * J), C, P2, J, P2, 1, J, J, coef);
  }
}
