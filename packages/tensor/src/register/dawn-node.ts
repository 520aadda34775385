/**
 * WebGPU in Node through Dawn: the optional `webgpu` npm package (Dawn's Node
 * bindings, prebuilt `dawn.node` inside the package, nothing downloaded at
 * install) provides the `GPU*` classes and a `GPU` object. tfjs-backend-webgpu
 * registers its backend only where `globalThis.navigator.gpu` exists at import
 * time, so this runs before it and installs them as a browser has them.
 *
 * Dawn talks to the GPU through Vulkan on Linux: it loads `libvulkan.so.1` (the
 * Khronos loader) which loads the driver's ICD. Without a GPU, a software
 * driver works: SwiftShader's ICD that Debian's chromium ships
 * (`VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json`). When the
 * loader is not on the library path, `NEURITE_VULKAN_LIBRARY` names it, or a
 * `libvulkan.so.1` beside the first ICD file named in `VK_ICD_FILENAMES` is
 * used (chromium keeps both in /usr/lib/chromium).
 *
 * Node-only: imported by setBackend in Node through a variable specifier, so
 * bundlers never follow it.
 * @internal
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { TensorError } from '../tensor-error.js';

/** glibc's RTLD_NODELETE (Node's os.constants.dlopen omits it): keep the library loaded after Node's dlclose. */
const RTLD_NODELETE = 0x1000;

/** What {@link installDawn} found: the adapter's description, for backendInfo-like reports. */
export interface DawnAdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
  /** The Vulkan loader preloaded from an explicit path, if any. */
  vulkanLibrary?: string;
}

interface DawnModule {
  create(flags: string[]): GpuLike;
  globals: Record<string, unknown>;
}
interface GpuLike {
  requestAdapter(options?: unknown): Promise<{ info?: { vendor?: string; architecture?: string; description?: string } } | null>;
}

let installed: Promise<DawnAdapterInfo> | undefined;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The Vulkan loader to preload by path: NEURITE_VULKAN_LIBRARY, else one beside the VK_ICD_FILENAMES json. */
function vulkanLibraryPath(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NEURITE_VULKAN_LIBRARY) return env.NEURITE_VULKAN_LIBRARY;
  const icd = (env.VK_ICD_FILENAMES ?? env.VK_DRIVER_FILES ?? '').split(path.delimiter)[0];
  if (!icd) return undefined;
  const beside = path.join(path.dirname(icd), 'libvulkan.so.1');
  return process.platform === 'linux' && existsSync(beside) ? beside : undefined;
}

/**
 * Load a shared library by absolute path and keep it loaded, so that Dawn's
 * later `dlopen("libvulkan.so.1")` finds it by its soname. process.dlopen
 * throws "did not self-register" for a library that is not a Node addon, after
 * loading it; RTLD_NODELETE keeps it in memory.
 */
function preload(file: string): void {
  if (!existsSync(file)) {
    throw new TensorError(
      'backend',
      `setBackend: webgpu: the Vulkan loader ${file} (NEURITE_VULKAN_LIBRARY / VK_ICD_FILENAMES) does not exist`,
      {
        code: 'ERR_BACKEND',
      },
    );
  }
  try {
    process.dlopen({ exports: {} }, file, constants.dlopen.RTLD_NOW | constants.dlopen.RTLD_GLOBAL | RTLD_NODELETE);
  } catch (e) {
    if (!/self-register/.test(messageOf(e))) {
      throw new TensorError('backend', `setBackend: webgpu: could not load the Vulkan loader ${file}: ${messageOf(e)}`, {
        code: 'ERR_BACKEND',
        cause: e,
      });
    }
  }
}

/** Throw unless tfjs's webgpu backend package (an optional peer) resolves from here. */
function checkTfjsWebGpu(): void {
  const pkg = '@tensorflow/tfjs-backend-webgpu';
  try {
    createRequire(import.meta.url).resolve(pkg);
  } catch (e) {
    throw new TensorError(
      'backend',
      `setBackend: backend "webgpu" needs the optional package ${pkg}; install it (npm install ${pkg}@4.22.0; in Node also webgpu@^0.6.2): ${messageOf(e)}`,
      { code: 'ERR_BACKEND', cause: e },
    );
  }
}

async function install(): Promise<DawnAdapterInfo> {
  checkTfjsWebGpu();
  const vulkanLibrary = vulkanLibraryPath(process.env);
  if (vulkanLibrary !== undefined) preload(vulkanLibrary);
  const spec = 'webgpu';
  let dawn: DawnModule;
  try {
    dawn = (await import(/* @vite-ignore */ spec)) as DawnModule;
  } catch (e) {
    throw new TensorError(
      'backend',
      `setBackend: backend "webgpu" in Node needs the optional package webgpu (Dawn's Node bindings); install it (npm install webgpu@^0.6.2): ${messageOf(e)}`,
      { code: 'ERR_BACKEND', cause: e },
    );
  }
  const g = globalThis as unknown as Record<string, unknown> & { navigator?: Record<string, unknown> };
  for (const [k, v] of Object.entries(dawn.globals)) if (g[k] === undefined) g[k] = v;
  const gpu = dawn.create([]);
  if (g.navigator === undefined) g.navigator = { gpu };
  else if (g.navigator.gpu === undefined) Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true });
  const adapter = await (g.navigator.gpu as GpuLike).requestAdapter();
  if (adapter == null) {
    throw new TensorError(
      'backend',
      'setBackend: backend "webgpu": Dawn (package webgpu) found no GPU adapter: no Vulkan driver was found. Install the GPU\'s Vulkan driver ' +
        '(the libvulkan.so.1 loader and its ICD), or use a software one: VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json ' +
        '(SwiftShader, shipped by the chromium package; its libvulkan.so.1 beside it is then loaded too) and a writable XDG_RUNTIME_DIR',
      {
        code: 'ERR_BACKEND',
        cause: new Error(`navigator.gpu.requestAdapter() returned null (VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES ?? 'unset'})`),
      },
    );
  }
  const info = adapter.info ?? {};
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    description: info.description ?? '',
    ...(vulkanLibrary === undefined ? {} : { vulkanLibrary }),
  };
}

/**
 * Give Node `navigator.gpu` from Dawn (once per process) and check that an
 * adapter exists.
 * @throws TensorError `ERR_BACKEND` naming the `webgpu` package when it is not
 * installed, or the Vulkan driver when Dawn finds no adapter.
 */
export function installDawn(): Promise<DawnAdapterInfo> {
  installed ??= install().catch((e: unknown) => {
    installed = undefined;
    throw e;
  });
  return installed;
}

/** The adapter found by a successful {@link installDawn}, else undefined. */
export async function dawnAdapterInfo(): Promise<DawnAdapterInfo | undefined> {
  if (installed === undefined) return undefined;
  try {
    return await installed;
  } catch {
    return undefined;
  }
}
