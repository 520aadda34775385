// Canvas drawing for the brain4d demo's live views (a raster that scrolls with the run, the
// population rates, one activity map per w-slice). Plain 2D canvas: redrawn every chunk.

const EXC = '#3c78d8';
const INH = '#d04a3c';

/** The raster's accumulated points (time ms, lattice id) and its drawing. */
export class RasterView {
  private points: Array<[Int32Array, Int32Array]> = [];
  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly sites: number,
    private readonly excSites: number,
    private readonly dt: number,
  ) {}
  add(steps: Int32Array, ids: Int32Array): void {
    this.points.push([steps, ids]);
  }
  reset(): void {
    this.points = [];
  }
  draw(ms: number): void {
    const c = this.canvas.getContext('2d');
    if (!c) return;
    const { width, height } = this.canvas;
    c.clearRect(0, 0, width, height);
    for (const [steps, ids] of this.points) {
      for (let k = 0; k < ids.length; k++) {
        c.fillStyle = ids[k] < this.excSites ? EXC : INH;
        c.fillRect(((steps[k] * this.dt) / ms) * width, height - (ids[k] / this.sites) * height, 1, 1);
      }
    }
  }
}

/** Population rates per chunk as lines. */
export function drawRates(canvas: HTMLCanvasElement, series: Record<string, Array<[number, number]>>, ms: number): void {
  const c = canvas.getContext('2d');
  if (!c) return;
  const { width, height } = canvas;
  c.clearRect(0, 0, width, height);
  const top = Math.max(1, ...Object.values(series).flatMap((s) => s.map(([, y]) => y))) * 1.1;
  c.font = '11px sans-serif';
  c.fillStyle = '#888';
  c.fillText(`${top.toFixed(0)} Hz`, 2, 11);
  for (const [name, pts] of Object.entries(series)) {
    c.strokeStyle = name === 'inh' ? INH : EXC;
    c.beginPath();
    pts.forEach(([x, y], i) => {
      const px = (x / ms) * width;
      const py = height - (y / top) * height;
      if (i === 0) c.moveTo(px, py);
      else c.lineTo(px, py);
    });
    c.stroke();
  }
}

/** One heat map per w-slice (X × Y sites, spikes summed over z), side by side, on a shared scale. */
export function drawSlices(canvas: HTMLCanvasElement, slices: number[][], X: number, Y: number): void {
  const c = canvas.getContext('2d');
  if (!c) return;
  const W = slices.length;
  const cell = Math.floor(Math.min(canvas.height / Y, canvas.width / (W * (X + 2))));
  const top = Math.max(1, ...slices.flat());
  c.clearRect(0, 0, canvas.width, canvas.height);
  slices.forEach((m, w) => {
    const ox = w * (X + 2) * cell;
    for (let y = 0; y < Y; y++)
      for (let x = 0; x < X; x++) {
        const a = m[y * X + x] / top;
        c.fillStyle = `rgba(${w === W - 1 ? '208,74,60' : '60,120,216'},${a.toFixed(3)})`;
        c.fillRect(ox + x * cell, y * cell, cell, cell);
      }
    c.strokeStyle = '#999';
    c.strokeRect(ox, 0, X * cell, Y * cell);
  });
}
