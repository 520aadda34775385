import { Brain4dError } from './brain4d-error.js';
import type { Simulator } from './simulator.js';

const MAGIC = 'NEURITE-BRAIN4D-CHECKPOINT/1';

/**
 * The dynamic state of a simulator as bytes: a documented binary format
 * (`MAGIC\n`, a little-endian uint32 header length, the UTF-8 JSON header
 * `{ t, network, arrays: [{ name, type, length, offset }] }`, then each typed array's bytes
 * at its 8-byte-aligned offset from the end of the header). The arrays are every state
 * variable, the refractory counters, the drives, the channel variables G, the delay ring,
 * the spike counters, the recorded spikes and samples, plastic weights and STDP traces:
 * everything a later step reads. `network` is the validated description (JSON), so a
 * checkpoint only resumes the network it came from.
 */
export function checkpointBytes(sim: Simulator): Uint8Array {
  const arrays: Array<[string, Float64Array | Int32Array | Uint8Array | Float32Array]> = [];
  const int = sim.internals;
  sim.populations.forEach((p, i) => {
    for (const [k, v] of Object.entries(p.state)) if (!(k.startsWith('g_') || k.startsWith('I_'))) arrays.push([`pop.${i}.${k}`, v]);
    arrays.push([`pop.${i}.ref`, int.kargs[i].ref], [`pop.${i}.bias`, int.kargs[i].bias]);
  });
  arrays.push(['G', sim.G], ['ring', int.ring], ['ringUsed', int.ringUsed], ['popCounts', int.popCounts]);
  arrays.push(
    ['spikeSteps', sim.spikeSteps.data.subarray(0, sim.spikeSteps.length)],
    ['spikeIds', sim.spikeIds.data.subarray(0, sim.spikeIds.length)],
  );
  int.rateCounts.forEach((rc, i) => arrays.push([`rates.${i}`, Float64Array.from(rc)]));
  int.stateMonitors.forEach((m, i) =>
    arrays.push(
      [`state.${i}.data`, m.data.data.subarray(0, m.data.length)],
      [`state.${i}.steps`, m.steps.data.subarray(0, m.steps.length)],
    ),
  );
  sim.projections.forEach((pr, i) => {
    if (!pr.stdp) return;
    arrays.push(
      [`proj.${i}.w`, pr.w],
      [`proj.${i}.xPre`, pr.stdp.xPre],
      [`proj.${i}.lastPre`, pr.stdp.lastPre],
      [`proj.${i}.xPost`, pr.stdp.xPost],
      [`proj.${i}.lastPost`, pr.stdp.lastPost],
    );
  });
  let offset = 0;
  const entries = arrays.map(([name, a]) => {
    const e = { name, type: a.constructor.name, length: a.length, offset };
    offset += Math.ceil(a.byteLength / 8) * 8;
    return e;
  });
  const header = new TextEncoder().encode(JSON.stringify({ t: sim.t, network: sim.spec, arrays: entries }));
  const magic = new TextEncoder().encode(MAGIC + '\n');
  const start = Math.ceil((magic.length + 4 + header.length) / 8) * 8;
  const out = new Uint8Array(start + offset);
  out.set(magic, 0);
  new DataView(out.buffer).setUint32(magic.length, header.length, true);
  out.set(header, magic.length + 4);
  arrays.forEach(([, a], k) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + entries[k].offset));
  return out;
}

/**
 * Restores a state written by {@link checkpointBytes} into `sim`, a simulator built from the
 * same network description: running on gives exactly the spikes an uninterrupted run gives
 * (every step's random numbers derive from the seed and the step index).
 */
export function restoreCheckpoint(sim: Simulator, bytes: Uint8Array): void {
  const magic = new TextEncoder().encode(MAGIC + '\n');
  const bad = (why: string) => new Brain4dError('checkpoint', `not a brain4d checkpoint: ${why}`, { code: 'ERR_FORMAT' });
  if (bytes.length < magic.length + 4 || new TextDecoder().decode(bytes.subarray(0, magic.length)) !== MAGIC + '\n')
    throw bad('wrong magic line');
  const hlen = new DataView(bytes.buffer, bytes.byteOffset).getUint32(magic.length, true);
  if (magic.length + 4 + hlen > bytes.length) throw bad('truncated header');
  let header: { t: number; network: unknown; arrays: Array<{ name: string; type: string; length: number; offset: number }> };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(magic.length + 4, magic.length + 4 + hlen))) as typeof header;
  } catch (e) {
    throw new Brain4dError('checkpoint', 'not a brain4d checkpoint: damaged header', { code: 'ERR_FORMAT', cause: e });
  }
  if (JSON.stringify(header.network) !== JSON.stringify(sim.spec))
    throw new Brain4dError('checkpoint', 'the checkpoint was written by a different network description', { code: 'ERR_STATE' });
  const start = Math.ceil((magic.length + 4 + hlen) / 8) * 8;
  const ctors: Record<string, { BYTES_PER_ELEMENT: number }> = { Float64Array, Int32Array, Uint8Array, Float32Array };
  const get = (name: string) => {
    const e = header.arrays.find((a) => a.name === name);
    if (!e) throw bad(`array ${name} missing`);
    const C = ctors[e.type] as unknown as new (b: ArrayBuffer, o: number, n: number) => Float64Array;
    const byteLen = e.length * (C as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    if (start + e.offset + byteLen > bytes.length) throw bad(`array ${name} truncated`);
    const copy = bytes.slice(start + e.offset, start + e.offset + byteLen);
    return new C(copy.buffer, 0, e.length);
  };
  const into = (dst: { set(a: ArrayLike<number>): void; length: number }, name: string) => {
    const src = get(name);
    if (src.length !== dst.length) throw bad(`array ${name} has ${src.length} values, expected ${dst.length}`);
    dst.set(src);
  };
  const int = sim.internals;
  sim.populations.forEach((p, i) => {
    for (const [k, v] of Object.entries(p.state)) if (!(k.startsWith('g_') || k.startsWith('I_'))) into(v, `pop.${i}.${k}`);
    into(int.kargs[i].ref, `pop.${i}.ref`);
    into(int.kargs[i].bias, `pop.${i}.bias`);
  });
  into(sim.G, 'G');
  into(int.ring, 'ring');
  into(int.ringUsed, 'ringUsed');
  into(int.popCounts, 'popCounts');
  sim.spikeSteps.length = 0;
  sim.spikeIds.length = 0;
  for (const x of get('spikeSteps')) sim.spikeSteps.push(x);
  for (const x of get('spikeIds')) sim.spikeIds.push(x);
  int.rateCounts.forEach((rc, i) => {
    rc.length = 0;
    rc.push(...get(`rates.${i}`));
  });
  int.stateMonitors.forEach((m, i) => {
    m.data.length = 0;
    m.steps.length = 0;
    for (const x of get(`state.${i}.data`)) m.data.push(x);
    for (const x of get(`state.${i}.steps`)) m.steps.push(x);
  });
  sim.projections.forEach((pr, i) => {
    if (!pr.stdp) return;
    into(pr.w, `proj.${i}.w`);
    into(pr.stdp.xPre, `proj.${i}.xPre`);
    into(pr.stdp.lastPre, `proj.${i}.lastPre`);
    into(pr.stdp.xPost, `proj.${i}.xPost`);
    into(pr.stdp.lastPost, `proj.${i}.lastPost`);
  });
  sim.t = header.t;
}
