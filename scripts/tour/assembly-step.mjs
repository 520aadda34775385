// Tour step: parse a sentence with assemblies of neurons, then watch one
// assembly form: the support (neurons ever fired) of a projection, round by round.
import { parseSentence, formatDependencies, simulateProjection, BRAIN_PY_REFERENCE, SparseArea } from '@neurite/assembly';
import { linePlot } from '@neurite/plot';
import { profile, profileRegion, setBackend } from '@neurite/tensor';
import { profileTimelineSvg } from '@neurite/cli';

export const title = 'Assemblies: parse a sentence with neurons';

export async function run(ctx) {
  const sentence = 'cats chase mice';
  const { dependencies } = parseSentence(sentence, { seed: 0 });
  ctx.say(
    `The assembly parser (Mitropolsky, Collins, Papadimitriou 2021) fires each word's assembly into brain areas`,
    `(LEX, SUBJ, VERB, OBJ, …) and reads the parse back out of the synapses it strengthened: "${sentence}" →`,
    ...formatDependencies(dependencies)
      .split('\n')
      .map((l) => `    ${l}`),
  );
  // Projection (Papadimitriou et al., PNAS 2020): a stimulus fires into an area of n neurons
  // where the k best-driven fire; Hebbian plasticity β makes the winners converge.
  const { n, k, p, rounds, rows } = BRAIN_PY_REFERENCE.projection;
  const series = [];
  const finals = [];
  for (const row of rows) {
    const r = simulateProjection({ n, k, p, beta: row.beta, rounds, seed: 0 });
    series.push({ name: `β = ${row.beta}`, x: r.support.map((_, i) => i + 1), y: r.support });
    const ref = row.support20;
    const mean = ref.reduce((a, b) => a + b, 0) / ref.length;
    finals.push(`β = ${row.beta}: ${r.support[19]} (brain.py ${Math.round(mean)} [${Math.min(...ref)}–${Math.max(...ref)}])`);
  }
  ctx.say(`Projection, n = ${n}, k = ${k}, p = ${p}: the support stops growing once the assembly has formed.`);
  ctx.figure(`support after 20 rounds (seed 0; brain.py: mean [min–max] of seeds 0–4) — ${finals.join('; ')}`);
  await ctx.writePlot(
    'assembly-support.svg',
    await linePlot(
      { series },
      {
        title: `Assembly formation: support of area A (n = ${n}, k = ${k}, p = ${p})`,
        xLabel: 'round',
        yLabel: 'neurons ever fired (support)',
      },
    ),
  );

  // An explicit area with all its neurons and synapses, stored as a CSR (SparseArea), profiled.
  await setBackend('wasm');
  const opts = { n: 30000, k: 173, p: 0.01, beta: 0.05, seed: 0 };
  const { result, report } = await profile(async () => {
    const area = profileRegion('build connectome', () => new SparseArea(opts));
    for (let r = 0; r < 10; r++) await profileRegion('round', () => area.project());
    return { support: area.support, synapses: area.synapses };
  });
  const round = report.regionTotals.find((t) => t.name === 'round');
  ctx.say(
    `SparseArea: an explicit area of n = ${opts.n} neurons, ${result.synapses} synapses as a CSR (never n × n), on wasm;`,
    'each round sums the winners’ rows (gatherRowsSum), keeps the top k and strengthens the winners’ synapses in place.',
  );
  ctx.figure(
    `explicit area: support ${result.support} after 10 rounds; ${(round.wallMs / round.calls).toFixed(2)} ms a round (profile, this machine)`,
  );
  await ctx.writePlot('assembly-explicit-profile.svg', await profileTimelineSvg(report, { title: 'SparseArea: profile of 10 rounds' }));
}
