import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Simulator } from '@neurite/brain4d';
import type { BenchResult, SuiteContext } from '../suite.js';

/** SwiftShader's Vulkan ICD as Debian's chromium installs it (a CPU Vulkan driver, for machines without a GPU). */
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/**
 * The fixed-point engines of @neurite/brain4d on CUBA (4000 LIF, examples/cuba.json, spikes
 * recorded: `net`, as the suite's CPU cases run it): time per
 * simulated step of the `webgpu` engine in Node (Dawn; on SwiftShader unless VK_ICD_FILENAMES is
 * set or NEURITE_BENCH_VULKAN=system picks the machine's own Vulkan driver) against the `fixed`
 * engine (the same integers in JavaScript) over the same steps, with a check that both emitted
 * the same spikes. Set-up (device, upload, shader compilation) and a first submission are
 * excluded: the engine is warmed up by 100 steps, then both engines run the next `steps` from the
 * same state. Rows say "not run" with the reason where webgpu is not available.
 */
export async function brain4dGpuCases(ctx: SuiteContext, net: Record<string, any>): Promise<BenchResult[]> {
  if (process.env.VK_ICD_FILENAMES === undefined && process.env.NEURITE_BENCH_VULKAN !== 'system' && existsSync(SWIFTSHADER_ICD))
    process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  process.env.XDG_RUNTIME_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'neurite-xdg-'));
  const warm = 100;
  const steps = ctx.quick ? 500 : 5000;
  const params = { neurons: 4000, synapses: 'p = 0.02 (3.2e5)', warmup_steps: warm, steps };
  const driver =
    process.env.VK_ICD_FILENAMES === SWIFTSHADER_ICD
      ? 'SwiftShader (Vulkan on the CPU)'
      : `Vulkan driver ${process.env.VK_ICD_FILENAMES ?? 'of the system'}`;
  const row = { case: 'cuba-webgpu-step', params, backend: 'webgpu', metric: 'time', unit: 'ms' } as const;
  ctx.progress(`brain4d webgpu engine: CUBA ${steps} steps`);
  const gpu = new Simulator(net, { engine: 'webgpu' });
  try {
    await gpu.runAsync(warm * gpu.dt);
  } catch (e) {
    return [
      {
        ...row,
        value: NaN,
        note: `not run: ${e instanceof Error ? e.message : String(e)}${e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : ''}`,
      },
    ];
  }
  const t0 = performance.now();
  const r = await gpu.runAsync(steps * gpu.dt);
  const gpuMs = (performance.now() - t0) / steps;
  ctx.progress(`brain4d fixed engine: CUBA ${warm + steps} steps`);
  const cpu = new Simulator(net, { engine: 'fixed' });
  cpu.run(warm * cpu.dt);
  const t1 = performance.now();
  cpu.run(steps * cpu.dt);
  const cpuMs = (performance.now() - t1) / steps;
  const [a, b] = [cpu.spikes(), gpu.spikes()];
  const same = a.ids.length === b.ids.length && a.ids.every((x, i) => x === b.ids[i] && a.steps[i] === b.steps[i]);
  const load = `load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
  return [
    {
      ...row,
      value: gpuMs,
      reference: { name: '@neurite/brain4d fixed engine (JavaScript, same integers)', value: cpuMs },
      ratio: gpuMs / cpuMs,
      goal: 'spikes bit for bit those of the fixed engine; time per step reported',
      note: `${driver}; 128 steps per submission, 3 in flight; ${r.spikes} spikes, ${same ? 'the same spikes as the fixed engine' : 'SPIKES DIFFER from the fixed engine'}; RTF ${(gpuMs / gpu.dt).toFixed(2)}; ${load}`,
    },
  ];
}
