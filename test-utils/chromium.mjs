// The Chromium that the browser tests (test-utils/browser.ts) and scripts/check-pack.mjs
// launch, in plain JavaScript so that both a TypeScript helper and a plain .mjs script
// can import it.

/** Debian's Chromium (apt-get install -y chromium). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Exactly the launch arguments of docs/architecture.md ("Testing in a real browser"):
 * headless without a sandbox or background traffic, and webgpu/webgl on SwiftShader.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-webgpu',
  '--use-vulkan=swiftshader',
  '--enable-features=Vulkan',
  '--use-webgpu-adapter=swiftshader',
  '--enable-unsafe-swiftshader',
];
