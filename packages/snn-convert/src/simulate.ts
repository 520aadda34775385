import { tf } from '@neurite/tensor';
import { evalNode, forward } from './forward.js';
import { lifStep } from './lif-step.js';
import type { Surrogate } from './lif-step.js';
import type { Network } from './network.js';
import type { NodeParams } from './params.js';

export interface SimulateOptions {
  T: number;
  /** Surrogate for training (BPTT); none for inference. */
  surrogate?: Surrogate;
  detachReset?: boolean;
  /** Called each step with the IF nodes' binary spikes (tensors valid during the call only). */
  onSpikes?: (t: number, spikes: Map<number, tf.Tensor>) => void;
  /** Called each step with the output node's value summed over steps 0..t. */
  onOutput?: (t: number, y: tf.Tensor) => void;
}

/**
 * Run the spiking network for T steps on `x`: [B, ...shape] (static input,
 * repeated every step) or, with `frames`, [B, frames, ...shape] (frame t at
 * step t; zero input after the last frame). Returns Σ_t y_t / T of the output
 * node (the membrane readout of a non-spiking output layer). States start at
 * v0·θ. Not wrapped in tidy when training (the caller's gradient tape needs
 * the intermediates); inference callers wrap it.
 */
export function simulate(net: Network, params: NodeParams[], x: tf.Tensor, opts: SimulateOptions, frames?: number): tf.Tensor {
  const train = opts.surrogate !== undefined;
  let states = new Map<number, tf.Tensor>();
  let acc: tf.Tensor | null = null;
  const frameList = frames ? tf.unstack(x, 1) : null;
  // Static input: the nodes no spike reaches (the input and the analog layers before the first IF)
  // give the same value at every step, so they are computed once (the same ops, so the same values).
  const analog = net.nodes.map(() => false);
  net.nodes.forEach((n, i) => {
    analog[i] = n.op.kind !== 'if' && n.inputs.every((k) => analog[k]);
  });
  const cached: tf.Tensor[] = [];
  if (!frameList) {
    const idx = net.nodes.flatMap((_, i) => (analog[i] ? [i] : []));
    const compute = () => {
      const vs: tf.Tensor[] = [];
      for (const i of idx) vs[i] = evalNode(net.nodes[i], params[i], vs, x);
      return idx.map((i) => vs[i]);
    };
    const vs = train ? compute() : tf.tidy(compute);
    idx.forEach((i, j) => (cached[i] = vs[j]));
  }
  const step = (t: number): [tf.Tensor, Map<number, tf.Tensor>] => {
    const spikes = new Map<number, tf.Tensor>();
    const next = new Map<number, tf.Tensor>();
    const xt = frameList ? (t < frameList.length ? frameList[t] : tf.zerosLike(frameList[0])) : x;
    const y = forward(
      net,
      params,
      xt,
      (i, node, a, p) => {
        const op = node.op;
        if (op.kind !== 'if') throw new Error(`simulate: node '${node.name}' is ${op.kind}, not IF (convert it with toSpiking)`);
        const v = states.get(i) ?? tf.mul(tf.onesLike(a), tf.mul(p.t!, op.v0));
        const r = lifStep(v, a, p.t!, op.beta ?? 1, opts.surrogate, opts.detachReset ?? true);
        next.set(i, r.v);
        spikes.set(i, r.s);
        return op.binary ? r.s : r.out;
      },
      undefined,
      frameList ? undefined : cached,
    );
    opts.onSpikes?.(t, spikes);
    const sum = acc === null ? (train ? y : tf.clone(y)) : tf.add(acc, y);
    opts.onOutput?.(t, sum);
    return [sum, next];
  };
  for (let t = 0; t < opts.T; t++) {
    if (train) {
      [acc, states] = step(t);
      continue;
    }
    const prev = [...states.values(), ...(acc ? [acc] : [])];
    const res = tf.tidy(() => {
      const [a, st] = step(t);
      return [a, ...[...st.entries()].map(([, v]) => v)];
    });
    // the step sets the IF states in node order
    acc = res[0];
    states = new Map(ifNodes(net).map((k, j) => [k, res[j + 1]]));
    for (const p of prev) p.dispose();
  }
  if (!train) {
    frameList?.forEach((f) => f.dispose());
    for (const c of new Set(cached)) if (c !== undefined && c !== x) c.dispose();
  }
  const out = tf.div(acc!, opts.T);
  if (!train) acc!.dispose();
  for (const v of states.values()) if (!train) v.dispose();
  return out;
}

function ifNodes(net: Network): number[] {
  return net.nodes.flatMap((n, i) => (n.op.kind === 'if' ? [i] : []));
}
