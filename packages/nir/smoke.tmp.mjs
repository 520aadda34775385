import { readNir, compile, decodeNir } from './dist/index.js';
import { tf, setBackend } from '@neurite/tensor';
import fs from 'node:fs';
await setBackend('cpu');
const dir = '/work/shared/fixtures/nir/paper';
const g = await readNir(`${dir}/lif_norse.nir`);
const rows = fs.readFileSync(`${dir}/lif_norse.csv`, 'utf8').trim().split('\n').map(l => l.split(',').map(Number));
const ex = fs.readFileSync(`${dir}/lif_exact.csv`, 'utf8').trim().split('\n').map(l => l.split(',').map(Number));
for (const [integration, reset, ref] of [['euler','to_v_reset', rows], ['exact','subtract', ex], ['euler', 'zero', rows]]) {
  const sim = compile(g, { dt: 1e-4, integration, reset, record: ['1'] });
  const xs = tf.tensor3d(rows.map(r => [[r[0]]]));
  const out = sim.run(xs);
  const rec = sim.recording('1');
  const v = rec.v.dataSync(); const z = out.dataSync();
  let maxd = 0; const sp = []; 
  for (let t = 0; t < rows.length; t++) { maxd = Math.max(maxd, Math.abs(v[t] - ref[t][1])); if (z[t]) sp.push(t); }
  console.log(integration, reset, 'maxdiff', maxd, 'spikes', sp, 'ref', ref.map((r,i)=>r[2]?i:-1).filter(i=>i>=0));
  tf.dispose([xs, out, rec.output, rec.v]); sim.dispose();
}
console.log(tf.memory().numTensors);
