// The assembly demos (guide/assembly.md) on cpu, wasm, webgl and webgpu in Chromium, against the same
// runs in Node in this test: the explicit area's support after every round and its last winners equal
// SparseArea's on the cpu backend with host storage (one seed gives the same winners on every backend
// and storage: integer counts, compared exactly), the lazy model's support curve and the association
// overlaps equal simulateProjection / simulateAssociation (plain JavaScript, one seed), and the parser's
// dependencies equal parseSentence's — and, for the default sentence, the parse a reader expects.
// No console error, no request off localhost (site.ts). One page per backend runs both demos.
import { expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { SparseArea, parseSentence, simulateAssociation, simulateProjection } from '@neurite/assembly';
import type {
  AssemblyDemoResult as ProjectionResult,
  ParseDemoResult as ParseResult,
} from '../.vitepress/theme/demos/assembly/run-assembly.js';
import { describeDemo } from './site.js';

/** The explicit projection in Node: SparseArea on cpu, host storage (typed arrays), same settings. */
async function nodeProjection(r: ProjectionResult) {
  await setBackend('cpu');
  const a = new SparseArea({ n: r.n, k: r.k, p: r.p, beta: r.beta, seed: r.seed, storage: 'host' });
  const support: number[] = [];
  let last: Int32Array = new Int32Array(0);
  for (let t = 0; t < r.rounds; t++) {
    last = await a.project();
    support.push(a.support);
  }
  return { support, lastWinners: Array.from(last), synapses: a.synapses };
}

describeDemo<ProjectionResult>({
  title: 'docs: assembly demos',
  page: 'guide/assembly',
  demo: 'assembly',
  test: (backend) => `on ${backend}: the support curve, association and parse equal the Node runs`,
  options: () => ({ keepOpen: true }),
  async check(run, backend) {
    // the page's second demo, the parser, ran on the same page and backend
    const { page } = run.sitePage;
    const shell = '.demo-shell[data-demo="assembly-parser"]';
    const handle = await page.waitForSelector(`${shell}[data-status="done"], ${shell}[data-status="error"]`, { timeout: 30_000 });
    expect(await handle.getAttribute('data-status'), await handle.$eval('*', (e) => e.textContent ?? '')).toBe('done');
    expect(await handle.getAttribute('data-backend')).toBe(backend);
    const parsed = JSON.parse(await handle.$eval('[data-demo-result]', (e) => e.textContent ?? '')) as ParseResult;
    run.sitePage.assertClean();
    await run.sitePage.close();
    const r = run.result;
    expect(r.backend).toBe(backend);
    const ref = await nodeProjection(r);
    expect(r.synapses).toBe(ref.synapses);
    expect(r.support).toEqual(ref.support);
    expect(r.lastWinners).toEqual(ref.lastWinners);
    // the support grows past the first round's k and then flattens: a curve, not a constant
    expect(r.support[0]).toBe(r.k);
    expect(r.support[r.rounds - 1]).toBeGreaterThan(r.k);
    const lazy = simulateProjection({ n: r.n, k: r.k, p: r.p, beta: r.beta, seed: r.seed, rounds: r.rounds });
    expect(r.lazySupport).toEqual(lazy.support);
    const assoc = simulateAssociation({ n: r.n, k: r.k, p: 0.05, beta: r.beta, seed: r.seed });
    expect(r.association).toEqual({ before: assoc.before, after: assoc.after, k: assoc.k });
    expect(parsed.dependencies).toEqual(parseSentence(parsed.sentence).dependencies);
    if (parsed.sentence === 'the man saw a woman') {
      expect(parsed.dependencies).toEqual([
        { head: 'saw', relation: 'SUBJ', dependent: 'man' },
        { head: 'saw', relation: 'OBJ', dependent: 'woman' },
        { head: 'man', relation: 'DET', dependent: 'the' },
        { head: 'woman', relation: 'DET', dependent: 'a' },
      ]);
    }
  },
  setup(site) {
    it('parses a typed sentence given in the query (wasm)', async () => {
      const run = await site().openDemo<ParseResult>('guide/assembly', 'wasm', {
        demo: 'assembly-parser',
        query: { sentence: 'cats chase mice', n: '500', k: '22', rounds: '3' },
      });
      expect(run.result.sentence).toBe('cats chase mice');
      expect(run.result.dependencies).toEqual([
        { head: 'chase', relation: 'SUBJ', dependent: 'cats' },
        { head: 'chase', relation: 'OBJ', dependent: 'mice' },
      ]);
    });
  },
});
