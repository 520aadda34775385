// The assembly demo's computations (guide/assembly.md): an explicit area (SparseArea: every neuron
// and synapse, CSR connectome as tensors of the chosen backend) projected from a stimulus, the lazy
// model's projection at the same size (brain.py's algorithm, plain JavaScript), association in the
// lazy model, and the parser. @neurite/assembly is loaded on demand, never at the top.
import type { DemoContext } from '../../demo-kit/index.js';

export interface ProjectionSettings {
  /** Neurons of the area, winners per round, synapse probability, plasticity, rounds, seed. */
  n: number;
  k: number;
  p: number;
  beta: number;
  rounds: number;
  seed: number;
}

export interface AssemblyDemoResult extends ProjectionSettings {
  backend: string;
  /** Explicit area on the backend: neurons ever fired after each round, and the winners of the last round. */
  support: number[];
  lastWinners: number[];
  synapses: number;
  /** The lazy model (Brain, brain.py's sampler) at the same n, k, p, β and seed: support after each round. */
  lazySupport: number[];
  /** Association in the lazy model (n, k, β as above, p = 0.05): overlaps of C's assemblies, in neurons. */
  association: { before: number; after: number; k: number };
}

/** Project a stimulus into an explicit area on ctx.backend, round by round (each round timed), then the lazy runs. */
export async function runProjection(ctx: DemoContext, s: ProjectionSettings): Promise<AssemblyDemoResult> {
  const assembly = await import('@neurite/assembly');
  ctx.progress(`building the connectome: n = ${s.n}, p = ${s.p}`);
  // device storage on every backend: the connectome lives in tensors of the chosen backend
  const area = new assembly.SparseArea({ n: s.n, k: s.k, p: s.p, beta: s.beta, seed: s.seed, storage: 'device' });
  const support: number[] = [];
  let last: Int32Array = new Int32Array(0);
  try {
    for (let r = 0; r < s.rounds; r++) {
      ctx.progress(`round ${r + 1} of ${s.rounds}`);
      last = await ctx.time(1, () => area.project());
      support.push(area.support);
    }
  } finally {
    area.dispose();
  }
  ctx.progress('lazy model: projection and association');
  const lazy = assembly.simulateProjection({ n: s.n, k: s.k, p: s.p, beta: s.beta, seed: s.seed, rounds: s.rounds });
  const assoc = assembly.simulateAssociation({ n: s.n, k: s.k, p: 0.05, beta: s.beta, seed: s.seed });
  return {
    ...s,
    backend: ctx.backend,
    support,
    lastWinners: Array.from(last),
    synapses: area.synapses,
    lazySupport: lazy.support,
    association: { before: assoc.before, after: assoc.after, k: assoc.k },
  };
}

export interface ParseDemoResult {
  sentence: string;
  dependencies: { head: string; relation: string; dependent: string }[];
  /** The words the lexicon knows (the parser refuses others). */
  words: string[];
}

/** Parse a sentence with the assembly parser (timed per word). */
export async function runParse(ctx: DemoContext, sentence: string): Promise<ParseDemoResult> {
  const assembly = await import('@neurite/assembly');
  const words = sentence.trim().split(/\s+/).filter(Boolean);
  const r = await ctx.time(Math.max(1, words.length), () => assembly.parseSentence(sentence));
  return { sentence: r.sentence, dependencies: r.dependencies.map((d) => ({ ...d })), words: Object.keys(assembly.LEXICON) };
}
