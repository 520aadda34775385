import { Brain4dError } from '../brain4d-error.js';
import type { FixedNetwork } from '../fixed-network.js';
import { DELIVER_WGSL, INJECT_WGSL, STEP_BYTES, UPDATE_WGSL } from './lif-shaders.js';
import { webgpuDevice } from './webgpu-device.js';

/** Options of {@link GpuLifEngine.create}. */
export interface GpuLifOptions {
  /** The device to run on (default: tfjs's webgpu device, see {@link webgpuDevice}). */
  device?: GPUDevice;
  /**
   * Steps encoded into one command buffer (default 128; fewer where 4·N bytes a step would pass
   * 64 MiB or the device's binding limit); the spikes of a submission are read back as one block.
   */
  stepsPerSubmit?: number;
  /** Submissions whose spikes may be in flight at once (default 3; each has its read-back buffer of 4·N bytes a step). */
  inFlight?: number;
}

/** Called once per step, in step order, with the step's spikes (global neuron indices, ascending). */
export type GpuStepFn = (t: number, spikes: Int32Array, count: number) => void;

/**
 * The input events of step t, added to g before its neuron update: (channel index, Q15.16 weight)
 * pairs, channel index = target + N for g_in (null or empty: none). Called in step order while a
 * submission is encoded.
 */
export type GpuEventsFn = (t: number) => Int32Array | null;

/** The input-event pipeline and its growable buffer. */
interface Inject {
  pipeline: GPUComputePipeline;
  layout: GPUBindGroupLayout;
  group: GPUBindGroup;
  buffer: GPUBuffer;
  /** Capacity in events. */
  cap: number;
  /** Buffers outgrown (kept until destroy: submitted work may still read them). */
  old: GPUBuffer[];
}

const WG = 64;
const MAX_DIM = 65535;

/**
 * The `webgpu` engine: a {@link FixedNetwork} stepped by the WGSL of lif-shaders.ts, the same
 * integers as {@link FixedLifEngine}. Each step is two dispatches (neuron update over all
 * neurons; spike delivery dispatched indirectly, one workgroup per spike, with atomicAdd into g
 * and the delay ring); `stepsPerSubmit` steps go into one command buffer, whose spike counts and
 * lists are copied to a mappable buffer and read with mapAsync while the next submission runs
 * (`inFlight` read-back buffers in turn). Nothing is read synchronously.
 */
export class GpuLifEngine {
  private constructor(
    /** The device it runs on. */
    readonly device: GPUDevice,
    private readonly net: FixedNetwork,
    private readonly K: number,
    private readonly bufs: Record<'uniform' | 'neuron' | 'g' | 'ring' | 'tables' | 'counts' | 'spikes' | 'csr', GPUBuffer>,
    private readonly readbacks: GPUBuffer[],
    private readonly pipelines: { update: GPUComputePipeline; deliver: GPUComputePipeline },
    private readonly groups: { update: GPUBindGroup; deliver: GPUBindGroup },
    private readonly align: number,
    private readonly inject: Inject,
  ) {}

  /**
   * Uploads `net` (its current state) to the device and compiles the shaders.
   * @throws Brain4dError `ERR_UNSUPPORTED` when the network exceeds the device's buffer limits or a shader fails to build.
   */
  static async create(net: FixedNetwork, options: GpuLifOptions = {}): Promise<GpuLifEngine> {
    const device = options.device ?? (await webgpuDevice());
    const asked = options.stepsPerSubmit ?? 128;
    if (!Number.isInteger(asked) || asked < 1)
      throw new Brain4dError('stepsPerSubmit', `must be an integer >= 1, got ${asked}`, { code: 'ERR_OUT_OF_RANGE' });
    const { N, D } = net;
    // A submission's spike lists (N slots a step) stay within the binding limit and 64 MiB of read-back.
    const K = Math.max(1, Math.min(asked, Math.floor(Math.min(device.limits.maxStorageBufferBindingSize, 2 ** 26) / (4 * Math.max(1, N)))));
    const align = Math.max(STEP_BYTES, device.limits.minUniformBufferOffsetAlignment);
    const S = GPUBufferUsage.STORAGE;
    const C = GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
    const sizes = {
      neuron: 8 * N,
      g: 8 * N,
      ring: 8 * N * D,
      tables: 4 * (2 * N + net.consts.length),
      spikes: 4 * K * N,
      csr: 4 * (N + 1 + net.syn.length),
    };
    for (const [name, bytes] of Object.entries(sizes))
      if (bytes > device.limits.maxStorageBufferBindingSize)
        throw new Brain4dError(
          'engine',
          `the webgpu engine needs a ${name} buffer of ${bytes} bytes; this device binds at most ${device.limits.maxStorageBufferBindingSize}`,
          {
            code: 'ERR_UNSUPPORTED',
          },
        );
    const make = (size: number, usage: number, data?: ArrayBufferView) => {
      const b = device.createBuffer({ size: Math.max(16, Math.ceil(size / 4) * 4), usage });
      if (data) device.queue.writeBuffer(b, 0, data.buffer, data.byteOffset, data.byteLength);
      return b;
    };
    const tables = new Int32Array(2 * N + net.consts.length);
    tables.set(net.bias);
    tables.set(net.popOf, N);
    tables.set(net.consts, 2 * N);
    const neuron = new Int32Array(2 * N);
    neuron.set(net.v);
    neuron.set(net.refc, N);
    const csr = new Uint32Array(N + 1 + net.syn.length);
    csr.set(net.rowPtr);
    csr.set(new Uint32Array(net.syn.buffer, net.syn.byteOffset, net.syn.length), N + 1);
    device.pushErrorScope('validation');
    const bufs = {
      uniform: make(align * K, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST),
      neuron: make(sizes.neuron, S | C, neuron),
      g: make(sizes.g, S | C, net.G),
      ring: make(sizes.ring, S | C, net.ring),
      tables: make(sizes.tables, S | C, tables),
      counts: make(16 * K, S | C | GPUBufferUsage.INDIRECT),
      spikes: make(sizes.spikes, S | C),
      csr: make(sizes.csr, S | C, csr),
    };
    const rbSize = 16 * K + sizes.spikes;
    const inFlight = options.inFlight ?? 3;
    if (!Number.isInteger(inFlight) || inFlight < 1)
      throw new Brain4dError('inFlight', `must be an integer >= 1, got ${inFlight}`, { code: 'ERR_OUT_OF_RANGE' });
    const readbacks = Array.from({ length: inFlight }, () => make(rbSize, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST));
    const layout = (kinds: GPUBufferBindingType[]) =>
      device.createBindGroupLayout({
        entries: [
          {
            binding: 0,
            visibility: GPUShaderStage.COMPUTE,
            buffer: { type: 'uniform', hasDynamicOffset: true, minBindingSize: STEP_BYTES },
          },
          ...kinds.map((type, i) => ({ binding: i + 1, visibility: GPUShaderStage.COMPUTE, buffer: { type } })),
        ],
      });
    const uLayout = layout(['storage', 'storage', 'storage', 'read-only-storage', 'storage', 'storage']);
    const dLayout = layout(['read-only-storage', 'read-only-storage', 'read-only-storage', 'storage', 'storage']);
    const iLayout = layout(['read-only-storage', 'storage']);
    const pipeline = async (code: string, bgl: GPUBindGroupLayout, name: string) => {
      const module = device.createShaderModule({ code, label: name });
      const info = await module.getCompilationInfo();
      const errors = info.messages.filter((m) => m.type === 'error');
      if (errors.length > 0)
        throw new Brain4dError(
          'engine',
          `the ${name} shader does not compile: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`,
          {
            code: 'ERR_UNSUPPORTED',
          },
        );
      return device.createComputePipelineAsync({
        layout: device.createPipelineLayout({ bindGroupLayouts: [bgl] }),
        compute: { module, entryPoint: 'main' },
      });
    };
    const pipelines = {
      update: await pipeline(UPDATE_WGSL, uLayout, 'neuron update'),
      deliver: await pipeline(DELIVER_WGSL, dLayout, 'spike delivery'),
    };
    const injectPipeline = await pipeline(INJECT_WGSL, iLayout, 'input events');
    const bind = (bgl: GPUBindGroupLayout, list: GPUBuffer[]) =>
      device.createBindGroup({
        layout: bgl,
        entries: [
          { binding: 0, resource: { buffer: bufs.uniform, size: STEP_BYTES } },
          ...list.map((buffer, i) => ({ binding: i + 1, resource: { buffer } })),
        ],
      });
    const groups = {
      update: bind(uLayout, [bufs.neuron, bufs.g, bufs.ring, bufs.tables, bufs.counts, bufs.spikes]),
      deliver: bind(dLayout, [bufs.csr, bufs.spikes, bufs.counts, bufs.g, bufs.ring]),
    };
    const evBuffer = make(8 * 1024, S | C);
    const inject: Inject = {
      pipeline: injectPipeline,
      layout: iLayout,
      group: bind(iLayout, [evBuffer, bufs.g]),
      buffer: evBuffer,
      cap: 1024,
      old: [],
    };
    const err = await device.popErrorScope();
    if (err) throw new Brain4dError('engine', `the webgpu engine could not be set up: ${err.message}`, { code: 'ERR_UNSUPPORTED' });
    return new GpuLifEngine(device, net, K, bufs, readbacks, pipelines, groups, align, inject);
  }

  /** Uploads a new drive per neuron (Q15.16; after {@link setFixedBias}); it applies from the next submitted step. */
  writeBias(bias: Int32Array): void {
    this.device.queue.writeBuffer(this.bufs.tables, 0, bias.buffer, bias.byteOffset, bias.byteLength);
  }

  /**
   * Runs steps t0 … t0 + steps − 1 and calls `onStep` for each, in order, once its spikes are back.
   * Submissions of `stepsPerSubmit` steps; later submissions are encoded and submitted before the
   * spikes of earlier ones are awaited. `events` gives each step's input events (see {@link GpuEventsFn}).
   */
  async run(t0: number, steps: number, onStep: GpuStepFn, events?: GpuEventsFn): Promise<void> {
    const { device, K, bufs, net, align } = this;
    const N = net.N;
    const groups = Math.ceil(N / WG);
    const gx = Math.min(groups, MAX_DIM);
    const gy = Math.ceil(groups / gx);
    const uni = new Uint32Array((align / 4) * K);
    const counts = new Uint32Array(4 * K);
    for (let k = 0; k < K; k++) counts.set([0, 0, 1, 1], 4 * k);
    const sorted = new Int32Array(N);
    // Read-back buffers in turn; a buffer is reused once its spikes were handed over and it was unmapped.
    const R = this.readbacks.length;
    const free: Array<Promise<void> | null> = new Array<Promise<void> | null>(R).fill(null);
    let chain: Promise<void> = Promise.resolve();
    let chunk = 0;
    for (let c = 0; c < steps; c += K, chunk++) {
      const kk = Math.min(K, steps - c);
      const slot = chunk % R;
      if (free[slot]) await free[slot];
      // The submission's input events, one list; each step's uniform names its part.
      const lists: Array<Int32Array | null> = [];
      let total = 0;
      for (let k = 0; k < kk; k++) {
        const ev = events ? events(t0 + c + k) : null;
        const n = ev ? ev.length >> 1 : 0;
        if (n > WG * MAX_DIM)
          throw new Brain4dError('events', `at most ${WG * MAX_DIM} input events a step, got ${n}`, { code: 'ERR_UNSUPPORTED' });
        uni.set([t0 + c + k, k, N, net.D - 1, total, n, 0, 0], (align / 4) * k);
        lists.push(ev);
        total += n;
      }
      if (total > 0) this.writeEvents(lists, total);
      device.queue.writeBuffer(bufs.uniform, 0, uni.buffer, 0, align * kk);
      device.queue.writeBuffer(bufs.counts, 0, counts.buffer, 0, 16 * kk);
      const enc = device.createCommandEncoder();
      const pass = enc.beginComputePass();
      for (let k = 0; k < kk; k++) {
        const nEv = uni[(align / 4) * k + 5];
        if (nEv > 0) {
          pass.setPipeline(this.inject.pipeline);
          pass.setBindGroup(0, this.inject.group, [align * k]);
          pass.dispatchWorkgroups(Math.ceil(nEv / WG));
        }
        pass.setPipeline(this.pipelines.update);
        pass.setBindGroup(0, this.groups.update, [align * k]);
        pass.dispatchWorkgroups(gx, gy);
        pass.setPipeline(this.pipelines.deliver);
        pass.setBindGroup(0, this.groups.deliver, [align * k]);
        pass.dispatchWorkgroupsIndirect(bufs.counts, 16 * k + 4);
      }
      pass.end();
      const rb = this.readbacks[slot];
      enc.copyBufferToBuffer(bufs.counts, 0, rb, 0, 16 * kk);
      enc.copyBufferToBuffer(bufs.spikes, 0, rb, 16 * K, 4 * N * kk);
      device.queue.submit([enc.finish()]);
      const mapped = rb.mapAsync(GPUMapMode.READ, 0, 16 * K + 4 * N * kk);
      const tc = t0 + c;
      chain = chain.then(async () => {
        await mapped;
        const data = new Uint32Array(rb.getMappedRange(0, 16 * K + 4 * N * kk));
        for (let k = 0; k < kk; k++) {
          const n = data[4 * k];
          const at = 4 * K + N * k;
          for (let q = 0; q < n; q++) sorted[q] = data[at + q];
          const list = sorted.subarray(0, n).sort();
          onStep(tc + k, list, n);
        }
        rb.unmap();
      });
      free[slot] = chain;
    }
    await chain;
  }

  /** Uploads a submission's input events (queued after the work already submitted), growing the buffer when needed. */
  private writeEvents(lists: Array<Int32Array | null>, total: number): void {
    const inj = this.inject;
    if (total > inj.cap) {
      let cap = inj.cap;
      while (cap < total) cap *= 2;
      inj.old.push(inj.buffer);
      inj.buffer = this.device.createBuffer({ size: 8 * cap, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
      inj.cap = cap;
      inj.group = this.device.createBindGroup({
        layout: inj.layout,
        entries: [
          { binding: 0, resource: { buffer: this.bufs.uniform, size: STEP_BYTES } },
          { binding: 1, resource: { buffer: inj.buffer } },
          { binding: 2, resource: { buffer: this.bufs.g } },
        ],
      });
    }
    const all = new Int32Array(2 * total);
    let at = 0;
    for (const ev of lists)
      if (ev) {
        all.set(ev, at);
        at += ev.length;
      }
    this.device.queue.writeBuffer(inj.buffer, 0, all.buffer, 0, all.byteLength);
  }

  /** Reads the state back (v, refractory counters, g, ring), e.g. to compare it with {@link FixedLifEngine}'s. */
  async readState(): Promise<{ v: Int32Array; refc: Int32Array; G: Int32Array; ring: Int32Array }> {
    const { device, bufs, net } = this;
    const N = net.N;
    const parts: Array<[GPUBuffer, number]> = [
      [bufs.neuron, 8 * N],
      [bufs.g, 8 * N],
      [bufs.ring, 8 * N * net.D],
    ];
    const total = parts.reduce((a, [, s]) => a + s, 0);
    const rb = device.createBuffer({ size: total, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const enc = device.createCommandEncoder();
    let off = 0;
    for (const [b, s] of parts) {
      enc.copyBufferToBuffer(b, 0, rb, off, s);
      off += s;
    }
    device.queue.submit([enc.finish()]);
    await rb.mapAsync(GPUMapMode.READ);
    const all = new Int32Array(rb.getMappedRange().slice(0));
    rb.unmap();
    rb.destroy();
    return { v: all.slice(0, N), refc: all.slice(N, 2 * N), G: all.slice(2 * N, 4 * N), ring: all.slice(4 * N) };
  }

  /** Frees the device buffers (the device itself is shared and stays). */
  destroy(): void {
    for (const b of [...Object.values(this.bufs), ...this.readbacks, this.inject.buffer, ...this.inject.old]) b.destroy();
  }
}
