/**
 * A Vega-Lite specification (https://vega.github.io/vega-lite/docs/spec.html),
 * typed loosely so that this package's types do not pull in vega-lite's.
 */
export type VegaLiteSpec = Record<string, unknown>;

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');
let modules: Promise<[VegaModule, VegaLiteModule]> | undefined;
// Renders run one after another: vega numbers gradient and clip-path ids from
// module-wide counters, which each render resets so the same input always
// gives the same SVG text.
let queue: Promise<unknown> = Promise.resolve();

/** vega and vega-lite, imported on first use so that importing @neurite/plot costs nothing until a plot is made. */
function loadVega(): Promise<[VegaModule, VegaLiteModule]> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]);
  return modules;
}

/**
 * Render any Vega-Lite specification to an SVG string, headless (vega's
 * `renderer: 'none'` scenegraph, no canvas and no native dependencies), in Node
 * and the browser. The plot functions of this package build their spec and call
 * this; use it directly for a plot they do not cover.
 */
export function renderVegaLite(spec: VegaLiteSpec): Promise<string> {
  const run = queue.then(() => render(spec));
  queue = run.catch(() => undefined);
  return run;
}

async function render(spec: VegaLiteSpec): Promise<string> {
  const [vega, vl] = await loadVega();
  const compiled = vl.compile(spec as unknown as Parameters<VegaLiteModule['compile']>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    vega.resetSVGDefIds();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
