// The HRR demo's computation (guide/hrr.md): a role–filler record, unbinding one role and cleaning
// it up against every filler (the similarity bars), and the capacity curve — the cosine of the
// unbound filler and the cleanup success rate against the number k of bundled pairs, beside the
// closed-form theory of @neurite/hrr. Binding builds the records on typed arrays; unbinding and
// the similarities run on the selected tfjs backend (unbindTensor, Vocabulary.similarities).
import type { DemoContext } from '../../demo-kit/index.js';

export type HrrDemoModel = 'hrr' | 'fhrr' | 'map';

/** The playground's roles and fillers (created in this order from the seed). */
export const ROLES = ['name', 'colour', 'shape', 'size'] as const;
export const FILLERS = ['Ada', 'Bob', 'red', 'blue', 'circle', 'square', 'small', 'large'] as const;

export interface HrrDemoOptions {
  model: HrrDemoModel;
  dim: number;
  seed: number;
  /** role → filler of the record. */
  record: Record<string, string>;
  /** The role unbound from the record. */
  query: string;
  /** Bundle sizes k of the capacity curve. */
  ks: number[];
  /** Records per k. */
  trials: number;
  /** Fillers in the capacity curve's cleanup memory. */
  items: number;
}

export interface HrrDemoResult {
  model: HrrDemoModel;
  dim: number;
  seed: number;
  record: Record<string, string>;
  query: string;
  /** sim(role† ⊛ record, filler) for every filler, in FILLERS order. */
  similarities: number[];
  /** The filler cleanup returns. */
  best: string;
  capacity: {
    ks: number[];
    trials: number;
    items: number;
    /** Per k: the cosine of each trial's unbound query with its target filler (trial order). */
    cosines: number[][];
    /** Per k: trials whose arg-max similarity is the target filler. */
    solved: number[];
    /** Theory (hrr: first-order moments and cleanup probability of @neurite/hrr; map: 1/√k; fhrr: none). */
    theoryMean: (number | null)[];
    theorySuccess: (number | null)[];
  };
}

/**
 * A capacity-curve record on typed arrays: Σ_{j<k} key_j ⊛ filler_{f_j}, with k fresh keys
 * (vsa.random(rng, k)) then k filler indices ⌊rng.uniform()·items⌋ drawn from `rng`; the target is f_0.
 */
function capacityRecord(
  hrr: typeof import('@neurite/hrr'),
  vsa: import('@neurite/hrr').Vsa,
  rng: import('@neurite/tensor').Rng,
  fillers: Float32Array,
  items: number,
  k: number,
): { record: Float32Array; key: Float32Array; target: number } {
  const D = vsa.dim;
  const keys = vsa.random(rng, k);
  const parts = new Float32Array(k * D);
  let target = 0;
  for (let j = 0; j < k; j++) {
    const f = Math.floor(rng.uniform() * items);
    if (j === 0) target = f;
    parts.set(vsa.bind(keys.subarray(j * D, (j + 1) * D), fillers.subarray(f * D, (f + 1) * D)), j * D);
  }
  return { record: vsa.bundle(parts), key: keys.slice(0, D), target };
}

export async function runHrr(ctx: DemoContext, o: HrrDemoOptions): Promise<HrrDemoResult> {
  const { tf } = ctx;
  const hrr = await import('@neurite/hrr');
  const vsa = hrr.createVsa({ model: o.model, dim: o.dim });
  const D = o.dim;

  // 1. the playground: r = Σ role ⊛ filler; q = role† ⊛ r on the backend; similarities to every filler
  const vocab = new hrr.Vocabulary(vsa, o.seed);
  vocab.create([...ROLES, ...FILLERS]);
  const filled = ROLES.filter((r) => o.record[r]);
  const record = hrr.encodeRecord(vocab, Object.fromEntries(filled.map((r) => [r, o.record[r]])));
  const fillerVocab = vocab.createSubset([...FILLERS]);
  ctx.progress('unbinding and cleaning up…');
  const similarities = await ctx.time(1, async () => {
    const q = tf.tidy(() => hrr.unbindTensor(tf.tensor2d(record, [1, D]), tf.tensor2d(vocab.get(o.query), [1, D]), { model: o.model }));
    const qd = (await q.data()) as Float32Array;
    q.dispose();
    return Array.from(await fillerVocab.similarities(qd));
  });
  fillerVocab.dispose();
  vocab.dispose();
  const best = FILLERS[similarities.indexOf(Math.max(...similarities))];

  // 2. the capacity curve: `trials` records per k, unbound and cleaned up as one batch on the backend
  // the memory's fillers from seed + 1, the records' keys and filler choices from seed + 2
  const memory = new hrr.Vocabulary(vsa, o.seed + 1, { maxSimilarity: 1 }); // independent items, as the theory assumes
  const rng = ctx.tensor.createRng(o.seed + 2);
  const names = Array.from({ length: o.items }, (_, i) => `f${i}`);
  const fillers = memory.create(names);
  const cosines: number[][] = [],
    solved: number[] = [];
  for (const k of o.ks) {
    ctx.progress(`capacity: k = ${k}…`);
    const recs = new Float32Array(o.trials * D),
      keys = new Float32Array(o.trials * D),
      targets: number[] = [];
    for (let t = 0; t < o.trials; t++) {
      const c = capacityRecord(hrr, vsa, rng, fillers, o.items, k);
      recs.set(c.record, t * D);
      keys.set(c.key, t * D);
      targets.push(c.target);
    }
    const sims = await ctx.time(o.trials, async () => {
      const q = tf.tidy(() => hrr.unbindTensor(tf.tensor2d(recs, [o.trials, D]), tf.tensor2d(keys, [o.trials, D]), { model: o.model }));
      const qd = (await q.data()) as Float32Array;
      q.dispose();
      return memory.similarities(qd);
    });
    const cos: number[] = [];
    let ok = 0;
    for (let t = 0; t < o.trials; t++) {
      const row = sims.subarray(t * o.items, (t + 1) * o.items);
      cos.push(row[targets[t]]);
      let arg = 0;
      for (let m = 1; m < o.items; m++) if (row[m] > row[arg]) arg = m;
      if (arg === targets[t]) ok++;
    }
    cosines.push(cos);
    solved.push(ok);
  }
  memory.dispose();
  const theoryMean = o.ks.map((k) =>
    o.model === 'hrr' ? hrr.unbindCosineMoments(D, k).mean : o.model === 'map' ? 1 / Math.sqrt(k) : null,
  );
  const theorySuccess = o.ks.map((k) => (o.model === 'hrr' ? hrr.cleanupProbability({ dim: D, items: o.items, bundle: k }) : null));
  return {
    model: o.model,
    dim: D,
    seed: o.seed,
    record: Object.fromEntries(filled.map((r) => [r, o.record[r]])),
    query: o.query,
    similarities,
    best,
    capacity: { ks: o.ks, trials: o.trials, items: o.items, cosines, solved, theoryMean, theorySuccess },
  };
}
