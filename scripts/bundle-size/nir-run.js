// A browser program that decodes a .nir file and runs it on the wasm backend.
import { decodeNir, compile } from '@neurite/nir';
import { tf, setBackend } from '@neurite/tensor';
export async function run(bytes) {
  await setBackend('wasm');
  const { graph } = await decodeNir(bytes);
  const sim = compile(graph, { dt: 1e-4 });
  const xs = tf.ones([4, 1, 1]);
  const out = sim.run(xs);
  console.log(await out.data());
  tf.dispose([xs, out]);
  sim.dispose();
}
