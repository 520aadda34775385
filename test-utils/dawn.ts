/**
 * Tests of the webgpu backend in Node (Dawn through the optional `webgpu`
 * package). Without a GPU they run on SwiftShader's Vulkan driver, which
 * Debian's chromium ships in /usr/lib/chromium (the ICD json and the
 * libvulkan.so.1 loader beside it; @neurite/tensor loads that loader when
 * VK_ICD_FILENAMES points there).
 *
 * - `useNodeWebGpuDriver()`: sets VK_ICD_FILENAMES to SwiftShader's ICD unless it
 *   is set already or NEURITE_TEST_VULKAN=system (then the machine's own Vulkan
 *   driver is used, e.g. on a GPU machine), and XDG_RUNTIME_DIR to a temporary
 *   directory when unset.
 * - `describeOnDawn(title, fn)`: the skip policy. Without the `webgpu` package or a
 *   Vulkan driver the suite is skipped with a message, except when process.env.CI
 *   is set: then a test fails (CI installs chromium, which brings SwiftShader).
 *
 * Not a test file itself.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';

/** SwiftShader's Vulkan ICD as Debian's chromium package installs it. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

const require = createRequire(import.meta.url);

/** Point Vulkan at SwiftShader (unless a driver was chosen) and give Dawn a runtime directory. */
export function useNodeWebGpuDriver(): void {
  if (process.env.VK_ICD_FILENAMES === undefined && process.env.NEURITE_TEST_VULKAN !== 'system' && existsSync(SWIFTSHADER_ICD)) {
    process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  }
  process.env.XDG_RUNTIME_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'neurite-xdg-'));
}

/** Why webgpu in Node cannot run here, or undefined when it can be tried. */
export function nodeWebGpuMissing(): string | undefined {
  try {
    require.resolve('webgpu');
  } catch {
    return 'the optional package webgpu is not installed (npm install webgpu)';
  }
  if (process.env.VK_ICD_FILENAMES === undefined && process.env.NEURITE_TEST_VULKAN !== 'system' && !existsSync(SWIFTSHADER_ICD)) {
    return `no Vulkan driver: ${SWIFTSHADER_ICD} is missing (apt-get install -y chromium), or set NEURITE_TEST_VULKAN=system on a GPU machine`;
  }
  return undefined;
}

/** `describe(title, fn)` where webgpu in Node can run; else skipped with a warning, or failing when CI is set. */
export function describeOnDawn(title: string, fn: () => void): void {
  useNodeWebGpuDriver();
  const missing = nodeWebGpuMissing();
  if (missing === undefined) {
    describe(title, fn);
    return;
  }
  if (process.env.CI) {
    describe(`${title}: prerequisites`, () => {
      it('needs webgpu in Node when CI is set', () => {
        throw new Error(`"${title}" cannot run: ${missing}`);
      });
    });
    return;
  }
  console.warn(`"${title}" skipped: ${missing}`);
  describe.skip(title, fn);
}
