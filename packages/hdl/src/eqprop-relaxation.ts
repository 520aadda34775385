import type { NirGraph, NirNode } from '@neurite/nir';
import { HdlError } from './hdl-error.js';
import { shiftRight } from './quantized-network.js';

/**
 * An EqProp network read from a NIR graph in the `neurite-eqprop/1` convention of @neurite/eqprop
 * (state layers as Scale nodes with `eqprop_role: 'state'`, forward couplings `w{l}` (Affine,
 * W_l [n_{l+1}, n_l], b_l), feedback couplings `w{l}_T` = W_lᵀ, graph metadata `steps`, `gamma`,
 * `dynamics`, `activation`, `readout`).
 */
export interface EqpropSpec {
  /** Units per layer, input first: n_0 … n_L. */
  sizes: number[];
  /** W_l row-major [n_{l+1}][n_l], l = 0 … L−1. */
  weights: Float64Array[];
  /** b_l per layer l = 1 … L, length n_l. */
  biases: Float64Array[];
  /** Number of state layers S (L, or L − 1 with a readout coupling). */
  stateLayers: number;
  /** Relaxation iterations (from zero states). */
  steps: number;
  /** Step size γ of the relaxation: s ← s + γ (ρ(u) − s). */
  gamma: number;
  /** 'laborieux': all layers update together from the previous states; 'async': odd layers, then even layers. */
  dynamics: 'laborieux' | 'async';
  /** 'state': the output is the last state layer; 'softmax': an affine readout of the last state layer (the logits are output). */
  readout: 'state' | 'softmax';
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : NaN);

/** Reads the convention; an HdlError names what is not mapped (other activations or dynamics, missing couplings). */
export function readEqprop(graph: NirGraph): EqpropSpec {
  const m = graph.metadata;
  if (m.eqprop_convention !== 'neurite-eqprop/1')
    throw new HdlError('graph', "not an EqProp graph: metadata eqprop_convention is not 'neurite-eqprop/1'", { code: 'ERR_UNSUPPORTED' });
  if (m.activation !== 'hard-sigmoid')
    throw new HdlError('activation', `activation '${String(m.activation)}' is not mapped (hard-sigmoid is)`, { code: 'ERR_UNSUPPORTED' });
  if (m.dynamics !== 'laborieux' && m.dynamics !== 'async')
    throw new HdlError('dynamics', `dynamics '${String(m.dynamics)}' is not mapped (laborieux, async are)`, { code: 'ERR_UNSUPPORTED' });
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  const sizes: number[] = [];
  for (let l = 0; ; l++) {
    const n: NirNode | undefined = graph.nodes[`w${l}`];
    if (n === undefined) break;
    if (n.type !== 'Affine') throw new HdlError(`w${l}`, `node 'w${l}' must be an Affine coupling`, { code: 'ERR_UNSUPPORTED' });
    const [rows, cols] = n.weight.shape;
    if (l === 0) sizes.push(cols);
    else if (cols !== sizes[l])
      throw new HdlError(`w${l}`, `node 'w${l}': ${cols} columns, layer ${l} has ${sizes[l]} units`, { code: 'ERR_SHAPE' });
    sizes.push(rows);
    weights.push(Float64Array.from(n.weight.data));
    biases.push(Float64Array.from(n.bias.data));
  }
  const L = sizes.length - 1;
  if (L < 1) throw new HdlError('w0', 'no coupling w0 found', { code: 'ERR_UNSUPPORTED' });
  let S = 0;
  while (graph.nodes[`s${S + 1}`] !== undefined) S++;
  if (S !== L && S !== L - 1) throw new HdlError('graph', `${S} state layers for ${L} couplings`, { code: 'ERR_UNSUPPORTED' });
  const steps = num(m.steps);
  const gamma = num(m.gamma);
  if (!Number.isInteger(steps) || steps < 1)
    throw new HdlError('steps', `metadata steps must be a positive integer, got ${String(m.steps)}`, { code: 'ERR_OUT_OF_RANGE' });
  if (!(gamma > 0 && gamma <= 1))
    throw new HdlError('gamma', `metadata gamma must be in (0, 1], got ${String(m.gamma)}`, { code: 'ERR_OUT_OF_RANGE' });
  return { sizes, weights, biases, stateLayers: S, steps, gamma, dynamics: m.dynamics, readout: S === L ? 'state' : 'softmax' };
}

/** Layer update order of one iteration: all at once ('laborieux'), or odd layers then even ('async'). */
function phases(spec: { stateLayers: number; dynamics: string }): number[][] {
  const all = Array.from({ length: spec.stateLayers }, (_, i) => i + 1);
  return spec.dynamics === 'async' ? [all.filter((l) => l % 2 === 1), all.filter((l) => l % 2 === 0)] : [all];
}

/**
 * The float relaxation: from s = 0, `steps` iterations of u_l = W_{l−1} s_{l−1} + b_{l−1} + W_lᵀ s_{l+1},
 * s_l ← (1 − γ) s_l + γ clip(u_l, 0, 1); output s_L, or W_{L−1} s_{L−1} + b_{L−1} with a readout coupling.
 */
export function relaxFloat(spec: EqpropSpec, x: ArrayLike<number>): Float64Array {
  const { sizes } = spec;
  const s = sizes.map((n, l) => (l === 0 ? Float64Array.from(x) : new Float64Array(n)));
  const u = (l: number, i: number) => {
    const nPrev = sizes[l - 1];
    let a = spec.biases[l - 1][i];
    for (let j = 0; j < nPrev; j++) a += spec.weights[l - 1][i * nPrev + j] * s[l - 1][j];
    if (l + 1 <= spec.stateLayers) for (let k = 0; k < sizes[l + 1]; k++) a += spec.weights[l][k * sizes[l] + i] * s[l + 1][k];
    return a;
  };
  for (let t = 0; t < spec.steps; t++)
    for (const layers of phases(spec)) {
      const next = layers.map((l) =>
        Float64Array.from({ length: sizes[l] }, (_, i) => (1 - spec.gamma) * s[l][i] + spec.gamma * Math.min(1, Math.max(0, u(l, i)))),
      );
      layers.forEach((l, k) => s[l].set(next[k]));
    }
  const L = sizes.length - 1;
  if (spec.readout === 'state') return s[L];
  return Float64Array.from({ length: sizes[L] }, (_, i) => {
    let a = spec.biases[L - 1][i];
    for (let j = 0; j < sizes[L - 1]; j++) a += spec.weights[L - 1][i * sizes[L - 1] + j] * s[L - 1][j];
    return a;
  });
}

/**
 * A quantised EqProp network. States and inputs are unsigned fixed point with `stateBits` fraction
 * bits (0 … 2^f ≙ 0 … 1); weights `weightBits` two's complement with `weightFrac` fraction bits;
 * biases in the accumulator scale 2^(weightFrac + f); γ ≈ gammaQ / 2^gammaBits. One iteration:
 *
 *   u_l = b_l + Σ_j W[l−1][i][j] s_{l−1}[j] + Σ_k W[l][k][i] s_{l+1}[k]     (exact, 64-bit)
 *   ρ   = clamp(u_l >> weightFrac, 0, 2^f)
 *   s_l ← s_l + ((ρ − s_l) · gammaQ) >> gammaBits                         (>> rounds toward −∞)
 */
export interface QuantEqprop {
  /** Units per layer, input first. */
  sizes: number[];
  /** Number of state layers S. */
  stateLayers: number;
  /** Relaxation iterations. */
  steps: number;
  /** Update order, as {@link EqpropSpec.dynamics}. */
  dynamics: 'laborieux' | 'async';
  /** Readout, as {@link EqpropSpec.readout}. */
  readout: 'state' | 'softmax';
  /** Fraction bits f of states and inputs (0 … 2^f ≙ 0 … 1). */
  stateBits: number;
  /** Weight width in bits (two's complement). */
  weightBits: number;
  /** Fraction bits of the weights: the largest with no clipped weight. */
  weightFrac: number;
  /** γ in fixed point: round(γ · 2^gammaBits). */
  gammaQ: number;
  /** Fraction bits of gammaQ. */
  gammaBits: number;
  /** W_l quantised, row-major [n_{l+1}][n_l]. */
  weights: Int32Array[];
  /** b_l in the accumulator scale: round(b · 2^(weightFrac + stateBits)). */
  biases: Int32Array[];
}

/** Quantises an EqProp network (see {@link QuantEqprop} for the integer iteration): weights to `weightBits` (default 8) with the most fraction bits that clip none, states to `stateBits` fraction bits (default 8), γ to `gammaBits` (default 8). */
export function quantizeEqprop(spec: EqpropSpec, o: { weightBits?: number; stateBits?: number; gammaBits?: number } = {}): QuantEqprop {
  const wb = o.weightBits ?? 8;
  const f = o.stateBits ?? 8;
  const gb = o.gammaBits ?? 8;
  if (!Number.isInteger(wb) || wb < 2 || wb > 16)
    throw new HdlError('weightBits', `weightBits must be an integer in [2, 16], got ${wb}`, { code: 'ERR_OUT_OF_RANGE' });
  if (!Number.isInteger(f) || f < 1 || f > 16)
    throw new HdlError('stateBits', `stateBits must be an integer in [1, 16], got ${f}`, { code: 'ERR_OUT_OF_RANGE' });
  let maxW = 0;
  for (const w of spec.weights) for (const x of w) maxW = Math.max(maxW, Math.abs(x));
  const qhi = 2 ** (wb - 1) - 1;
  const fw = maxW > 0 ? Math.max(0, Math.floor(Math.log2(qhi / maxW))) : 0;
  const q = (x: number) => Math.min(qhi, Math.max(-(qhi + 1), Math.round(x * 2 ** fw)));
  return {
    sizes: spec.sizes,
    stateLayers: spec.stateLayers,
    steps: spec.steps,
    dynamics: spec.dynamics,
    readout: spec.readout,
    stateBits: f,
    weightBits: wb,
    weightFrac: fw,
    gammaQ: Math.round(spec.gamma * 2 ** gb),
    gammaBits: gb,
    weights: spec.weights.map((w) => Int32Array.from(w, q)),
    biases: spec.biases.map((b) => Int32Array.from(b, (x) => Math.round(x * 2 ** (fw + f)))),
  };
}

/** Input values in [0, 1] as the quantised model's states: round(x · 2^stateBits). */
export function quantizeEqpropInput(q: QuantEqprop, x: ArrayLike<number>): Int32Array {
  return Int32Array.from(x, (v) => Math.min(2 ** q.stateBits, Math.max(0, Math.round(v * 2 ** q.stateBits))));
}

/** The bit-true integer relaxation (golden model of the generated C++); returns the readout and the trace lines `s l i value`, `o k value`. */
export function relaxQuantized(q: QuantEqprop, xq: ArrayLike<number>): { output: number[]; trace: string[] } {
  const { sizes } = q;
  const one = 2 ** q.stateBits;
  const s = sizes.map((n, l) => (l === 0 ? Array.from(xq) : new Array<number>(n).fill(0)));
  const u = (l: number, i: number) => {
    const nPrev = sizes[l - 1];
    let a = q.biases[l - 1][i];
    for (let j = 0; j < nPrev; j++) a += q.weights[l - 1][i * nPrev + j] * s[l - 1][j];
    if (l + 1 <= q.stateLayers) for (let k = 0; k < sizes[l + 1]; k++) a += q.weights[l][k * sizes[l] + i] * s[l + 1][k];
    return a;
  };
  for (let t = 0; t < q.steps; t++)
    for (const layers of phases(q)) {
      const next = layers.map((l) =>
        Array.from({ length: sizes[l] }, (_, i) => {
          const rho = Math.min(one, Math.max(0, shiftRight(u(l, i), q.weightFrac)));
          return s[l][i] + shiftRight((rho - s[l][i]) * q.gammaQ, q.gammaBits);
        }),
      );
      layers.forEach((l, k) => (s[l] = next[k]));
    }
  const trace: string[] = [];
  for (let l = 1; l <= q.stateLayers; l++) for (let i = 0; i < sizes[l]; i++) trace.push(`s ${l} ${i} ${s[l][i]}`);
  const L = sizes.length - 1;
  const output =
    q.readout === 'state'
      ? s[L]
      : Array.from({ length: sizes[L] }, (_, i) => {
          let a = q.biases[L - 1][i];
          for (let j = 0; j < sizes[L - 1]; j++) a += q.weights[L - 1][i * sizes[L - 1] + j] * s[L - 1][j];
          return a;
        });
  output.forEach((v, k) => trace.push(`o ${k} ${v}`));
  return { output, trace };
}

/**
 * HLS C++ of the fixed-iteration relaxation (`<cstdint>` only; `ap_int` under __SYNTHESIS__; Vitis
 * pragmas), bit-true to {@link relaxQuantized}, and a C testbench reading one input vector per line
 * (decimal state integers) from `inputs.txt` and writing the trace to `trace.txt`.
 */
export function generateEqpropHls(q: QuantEqprop, name = 'neurite_eqprop'): Record<string, string> {
  const { sizes } = q;
  const L = sizes.length - 1;
  const S = q.stateLayers;
  const up = name.toUpperCase();
  const h = [
    `// ${name}: fixed-iteration EqProp relaxation ${sizes.join('-')} (generated by @neurite/hdl).`,
    `#ifndef ${up}_H\n#define ${up}_H\n#include <cstdint>`,
    `#ifdef __SYNTHESIS__\n#include <ap_int.h>\ntypedef ap_int<${q.weightBits}> ${name}_w_t;\ntypedef ap_uint<${q.stateBits + 1}> ${name}_s_t;\ntypedef ap_int<${q.stateBits + q.weightBits + 24}> ${name}_acc_t;`,
    `#else\ntypedef int16_t ${name}_w_t;\ntypedef int32_t ${name}_s_t;\ntypedef int64_t ${name}_acc_t;\n#endif`,
    `typedef int64_t ${name}_out_t;`,
    `// in: the input states round(x · 2^${q.stateBits}); states: the final states of layers 1..${S} (concatenated); out: the readout.`,
    `void ${name}(const ${name}_s_t in[${sizes[0]}], ${name}_s_t states[${sizes.slice(1, S + 1).reduce((a, b) => a + b, 0)}], ${name}_out_t out[${sizes[L]}]);\n#endif`,
  ];
  const wts = [
    `// Quantised couplings of ${name}: W_l [n_{l+1}][n_l] (${q.weightBits} bits, ${q.weightFrac} fraction bits), biases in 2^${q.weightFrac + q.stateBits}.`,
  ];
  q.weights.forEach((w, l) => {
    const rows: string[] = [];
    for (let i = 0; i < sizes[l + 1]; i++) rows.push(`{${Array.from(w.subarray(i * sizes[l], (i + 1) * sizes[l])).join(',')}}`);
    wts.push(`static const ${name}_w_t ${name}_w${l}[${sizes[l + 1]}][${sizes[l]}] = {\n${rows.join(',\n')}};`);
    wts.push(`static const int64_t ${name}_b${l}[${sizes[l + 1]}] = {${Array.from(q.biases[l]).join(',')}};`);
  });
  const acc = `${name}_acc_t`;
  const c: string[] = [`#include "${name}.h"\n#include "${name}_weights.h"`];
  c.push(`static inline ${acc} ${name}_shr(${acc} x, int k) { return x >> k; } // arithmetic: rounds toward -inf (g++, C++20)`);
  c.push(`void ${name}(const ${name}_s_t in[${sizes[0]}], ${name}_s_t states[], ${name}_out_t out[${sizes[L]}]) {`);
  c.push(
    `#pragma HLS INTERFACE mode=ap_memory port=in\n#pragma HLS INTERFACE mode=ap_memory port=states\n#pragma HLS INTERFACE mode=ap_memory port=out\n#pragma HLS INTERFACE mode=s_axilite port=return`,
  );
  for (let l = 0; l <= S; l++) c.push(`    ${name}_s_t s${l}[${sizes[l]}];` + (l === 0 ? '' : `\n    ${name}_s_t n${l}[${sizes[l]}];`));
  c.push(`    for (int i = 0; i < ${sizes[0]}; i++) s0[i] = in[i];`);
  for (let l = 1; l <= S; l++) c.push(`    for (int i = 0; i < ${sizes[l]}; i++) s${l}[i] = 0;`);
  c.push(`    for (int t = 0; t < ${q.steps}; t++) {`);
  for (const layers of phases(q)) {
    for (const l of layers) {
      c.push(`        for (int i = 0; i < ${sizes[l]}; i++) {\n#pragma HLS PIPELINE II=1`);
      c.push(`            ${acc} u = ${name}_b${l - 1}[i];`);
      c.push(`            for (int j = 0; j < ${sizes[l - 1]}; j++) u += (${acc})${name}_w${l - 1}[i][j] * s${l - 1}[j];`);
      if (l + 1 <= S) c.push(`            for (int k = 0; k < ${sizes[l + 1]}; k++) u += (${acc})${name}_w${l}[k][i] * s${l + 1}[k];`);
      c.push(
        `            ${acc} rho = ${name}_shr(u, ${q.weightFrac});\n            if (rho < 0) rho = 0;\n            if (rho > ${2 ** q.stateBits}) rho = ${2 ** q.stateBits};`,
      );
      c.push(
        `            n${l}[i] = (${name}_s_t)(s${l}[i] + ${name}_shr((rho - (${acc})s${l}[i]) * ${q.gammaQ}, ${q.gammaBits}));\n        }`,
      );
    }
    for (const l of layers) c.push(`        for (int i = 0; i < ${sizes[l]}; i++) s${l}[i] = n${l}[i];`);
  }
  c.push(`    }`);
  let off = 0;
  for (let l = 1; l <= S; l++) {
    c.push(`    for (int i = 0; i < ${sizes[l]}; i++) states[${off} + i] = s${l}[i];`);
    off += sizes[l];
  }
  if (q.readout === 'state') c.push(`    for (int k = 0; k < ${sizes[L]}; k++) out[k] = s${L}[k];`);
  else {
    c.push(`    for (int k = 0; k < ${sizes[L]}; k++) {\n        ${acc} a = ${name}_b${L - 1}[k];`);
    c.push(
      `        for (int j = 0; j < ${sizes[L - 1]}; j++) a += (${acc})${name}_w${L - 1}[k][j] * s${L - 1}[j];\n        out[k] = (${name}_out_t)a;\n    }`,
    );
  }
  c.push(`}`);
  const total = sizes.slice(1, S + 1).reduce((a, b) => a + b, 0);
  const bounds = sizes.slice(1, S + 1).map((_, i) => sizes.slice(1, i + 2).reduce((a, b) => a + b, 0));
  const tb = `// C testbench for ${name} (generated by @neurite/hdl): inputs.txt (one vector per line) -> trace.txt.
#include <cstdio>
#include <cstdint>
#include "${name}.h"

int main(int argc, char **argv) {
    FILE *in = std::fopen(argc > 1 ? argv[1] : "inputs.txt", "r");
    FILE *tr = std::fopen(argc > 2 ? argv[2] : "trace.txt", "w");
    if (!in || !tr) { std::fprintf(stderr, "cannot open inputs.txt or trace.txt\\n"); return 1; }
    static ${name}_s_t x[${sizes[0]}];
    static ${name}_s_t states[${total}];
    static ${name}_out_t out[${sizes[L]}];
    const int bounds[${S}] = {${bounds.join(', ')}};
    for (;;) {
        int v = 0;
        int n = 0;
        for (int i = 0; i < ${sizes[0]}; i++) {
            if (std::fscanf(in, "%d", &v) != 1) break;
            x[i] = (${name}_s_t)v;
            n++;
        }
        if (n == 0) break;
        if (n != ${sizes[0]}) { std::fprintf(stderr, "inputs.txt ends inside a vector\\n"); return 1; }
        ${name}(x, states, out);
        for (int l = 0, i0 = 0; l < ${S}; i0 = bounds[l], l++)
            for (int i = i0; i < bounds[l]; i++) std::fprintf(tr, "s %d %d %d\\n", l + 1, i - i0, (int)states[i]);
        for (int k = 0; k < ${sizes[L]}; k++) std::fprintf(tr, "o %d %lld\\n", k, (long long)out[k]);
    }
    std::fclose(tr);
    std::fclose(in);
    return 0;
}
`;
  return {
    [`${name}.h`]: h.join('\n') + '\n',
    [`${name}.cpp`]: c.join('\n') + '\n',
    [`${name}_weights.h`]: wts.join('\n') + '\n',
    [`${name}_tb.cpp`]: tb,
  };
}
