/**
 * The URL of a sibling module as workers must load it: `./name.js` beside the
 * calling module. When the calling module runs from TypeScript source
 * (`src/…/x.ts`, e.g. under vitest), the compiled file of the same path under
 * `dist/` is used instead, since a worker loads plain JavaScript (build first).
 * @internal
 */
export function builtModuleUrl(name: string, base: string): string {
  const url = new URL(`./${name}.js`, base);
  if (base.endsWith('.ts')) url.pathname = url.pathname.replace(/\/src\/(?!.*\/src\/)/, '/dist/');
  return url.href;
}
