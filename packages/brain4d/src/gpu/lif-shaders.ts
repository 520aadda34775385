/**
 * WGSL of the `webgpu` engine: the integer arithmetic of fixed-lif-engine.ts, line for line.
 * No floating point: i32/u32 only, so no FMA contraction or driver rounding can change a value.
 */

/**
 * `mul_shift_round(a, c)` = ToInt32(⌊(a·c + 2^29) / 2^30⌋) for i32 a, c: the exact 64-bit signed
 * product built from 16-bit limbs (four 16×16→32-bit products, carries by comparison), rounded
 * half up and shifted right by 30 (the JavaScript mulShiftRound(a, c, 30) of fixed-point.ts).
 * Signed product = unsigned product − 2^32·(a < 0 ? c : 0) − 2^32·(c < 0 ? a : 0) (mod 2^64).
 */
export const MUL_SHIFT_ROUND_WGSL = /* wgsl */ `
fn umul64(a: u32, b: u32) -> vec2<u32> {
  let al = a & 0xffffu;
  let ah = a >> 16u;
  let bl = b & 0xffffu;
  let bh = b >> 16u;
  let ll = al * bl;
  let lh = al * bh;
  let hl = ah * bl;
  let hh = ah * bh;
  let mid = lh + hl;
  let midc = select(0u, 1u, mid < lh);
  let lo = ll + (mid << 16u);
  let loc = select(0u, 1u, lo < ll);
  return vec2<u32>(lo, hh + (mid >> 16u) + (midc << 16u) + loc);
}

fn mul_shift_round(a: i32, c: i32) -> i32 {
  let ua = bitcast<u32>(a);
  let uc = bitcast<u32>(c);
  let p = umul64(ua, uc);
  let hi = p.y - select(0u, uc, a < 0) - select(0u, ua, c < 0);
  let lo = p.x + 0x20000000u;
  let hi2 = hi + select(0u, 1u, lo < p.x);
  return bitcast<i32>((lo >> 30u) | (hi2 << 2u));
}
`;

/**
 * The per-step uniform (at a dynamic offset per step of a submission): absolute step, index
 * within the submission, N, D − 1, and the step's input events (first index and count in the
 * submission's event list).
 */
const STEP_STRUCT = /* wgsl */ `
struct Step { t: u32, k: u32, n: u32, mask: u32, ev_start: u32, ev_count: u32, pad0: u32, pad1: u32 }
@group(0) @binding(0) var<uniform> st: Step;
`;

/** Bytes of the per-step uniform. */
export const STEP_BYTES = 32;

/**
 * Input events of a step (spike generators, Poisson trains drawn on the CPU from the step's seed),
 * one invocation per event, before the neuron update: atomicAdd of the Q15.16 weight into g.
 * events = (channel index, weight bits) pairs.
 */
export const INJECT_WGSL = /* wgsl */ `
${STEP_STRUCT}
@group(0) @binding(1) var<storage, read> events: array<u32>;
@group(0) @binding(2) var<storage, read_write> g: array<atomic<i32>>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  if (gid.x < st.ev_count) {
    let e = 2u * (st.ev_start + gid.x);
    atomicAdd(&g[events[e]], bitcast<i32>(events[e + 1u]));
  }
}
`;

/**
 * Neuron update, one invocation per neuron (2D grid of 64-wide workgroups): ring slot t added
 * to g and cleared; g decayed; refractory countdown or the exact LIF step; a spike takes a slot
 * of the step's list with an atomic counter (and counts toward the delivery dispatch's x,
 * capped at 65535). Buffers: neuron = v [0, N) and refractory counters [N, 2N); tables = bias
 * [0, N), population index [N, 2N), 8 constants per population from 2N; counts = 4 u32 per step
 * of the submission (spike count, then the indirect dispatch x, 1, 1); spikes = N per step.
 */
export const UPDATE_WGSL = /* wgsl */ `
${STEP_STRUCT}
@group(0) @binding(1) var<storage, read_write> neuron: array<i32>;
@group(0) @binding(2) var<storage, read_write> g: array<i32>;
@group(0) @binding(3) var<storage, read_write> ring: array<i32>;
@group(0) @binding(4) var<storage, read> tables: array<i32>;
@group(0) @binding(5) var<storage, read_write> counts: array<atomic<u32>>;
@group(0) @binding(6) var<storage, read_write> spikes: array<u32>;
${MUL_SHIFT_ROUND_WGSL}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let n = st.n;
  let i = gid.x + gid.y * nw.x * 64u;
  if (i >= n) {
    return;
  }
  let slot = (st.t & st.mask) * 2u * n;
  let ge = g[i] + ring[slot + i];
  let gi = g[n + i] + ring[slot + n + i];
  ring[slot + i] = 0;
  ring[slot + n + i] = 0;
  let c = 2u * n + 8u * u32(tables[n + i]);
  g[i] = mul_shift_round(ge, tables[c + 3u]);
  g[n + i] = mul_shift_round(gi, tables[c + 4u]);
  let r = neuron[n + i];
  if (r > 0) {
    neuron[n + i] = r - 1;
    return;
  }
  let b = tables[i];
  var v = b + mul_shift_round(neuron[i] - b, tables[c]) + mul_shift_round(ge, tables[c + 1u]) + mul_shift_round(gi, tables[c + 2u]);
  if (v > tables[c + 5u]) {
    v = tables[c + 6u];
    neuron[n + i] = tables[c + 7u];
    let q = atomicAdd(&counts[4u * st.k], 1u);
    spikes[st.k * n + q] = i;
    if (q < 65535u) {
      atomicAdd(&counts[4u * st.k + 1u], 1u);
    }
  }
  neuron[i] = v;
}
`;

/**
 * Spike delivery, dispatched indirectly with one 64-wide workgroup per spike of the step (a
 * workgroup takes spikes q, q + 65535, … beyond 65535): its threads stride over the spiking
 * neuron's CSR row and atomicAdd each weight into g (delay 1) or ring slot (t + d) mod D.
 * csr = row pointers [0, N + 1), then (channel index, weight bits, delay) per synapse.
 */
export const DELIVER_WGSL = /* wgsl */ `
${STEP_STRUCT}
@group(0) @binding(1) var<storage, read> csr: array<u32>;
@group(0) @binding(2) var<storage, read> spikes: array<u32>;
@group(0) @binding(3) var<storage, read> counts: array<u32>;
@group(0) @binding(4) var<storage, read_write> g: array<atomic<i32>>;
@group(0) @binding(5) var<storage, read_write> ring: array<atomic<i32>>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let n = st.n;
  let count = counts[4u * st.k];
  for (var q = wg.x; q < count; q += 65535u) {
    let j = spikes[st.k * n + q];
    let end = csr[j + 1u];
    for (var e = csr[j] + li; e < end; e += 64u) {
      let b = n + 1u + 3u * e;
      let idx = csr[b];
      let w = bitcast<i32>(csr[b + 1u]);
      let d = csr[b + 2u];
      if (d == 1u) {
        atomicAdd(&g[idx], w);
      } else {
        atomicAdd(&ring[((st.t + d) & st.mask) * 2u * n + idx], w);
      }
    }
  }
}
`;
