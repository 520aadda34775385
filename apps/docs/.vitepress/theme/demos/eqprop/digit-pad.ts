// Drawing a digit: white strokes on a black square canvas, turned into an MNIST-like 28×28 image
// (the ink's bounding box scaled to fit 20×20, centred by its centre of mass in the 28×28 frame, as
// the MNIST digits were prepared).

/** Pixels [784] in [0, 1] from the canvas (all zeros when nothing is drawn). */
export function canvasToMnist(canvas: HTMLCanvasElement): Float32Array {
  const { width, height } = canvas;
  const src = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (src[(y * width + x) * 4] > 20) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  const out = new Float32Array(784);
  if (x1 < 0) return out;
  const side = Math.max(x1 - x0 + 1, y1 - y0 + 1);
  const small = document.createElement('canvas');
  small.width = small.height = 28;
  const ctx = small.getContext('2d')!;
  ctx.fillStyle = 'black';
  ctx.fillRect(0, 0, 28, 28);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  const w = (20 * (x1 - x0 + 1)) / side;
  const h = (20 * (y1 - y0 + 1)) / side;
  ctx.drawImage(canvas, x0, y0, x1 - x0 + 1, y1 - y0 + 1, (28 - w) / 2, (28 - h) / 2, w, h);
  const px = ctx.getImageData(0, 0, 28, 28).data;
  let mass = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < 784; i++) {
    const v = px[i * 4] / 255;
    mass += v;
    cx += v * (i % 28);
    cy += v * Math.floor(i / 28);
  }
  // shift by whole pixels so the centre of mass sits at (13.5, 13.5)
  const dx = Math.round(13.5 - cx / mass);
  const dy = Math.round(13.5 - cy / mass);
  for (let y = 0; y < 28; y++)
    for (let x = 0; x < 28; x++) {
      const sx = x - dx;
      const sy = y - dy;
      if (sx >= 0 && sx < 28 && sy >= 0 && sy < 28) out[y * 28 + x] = px[(sy * 28 + sx) * 4] / 255;
    }
  return out;
}

/** Free-hand drawing on `canvas` with the pointer; returns a function that clears it. */
export function attachPad(canvas: HTMLCanvasElement, onStroke: () => void): () => void {
  const ctx = canvas.getContext('2d')!;
  const clear = () => {
    ctx.fillStyle = 'black';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  };
  clear();
  ctx.strokeStyle = 'white';
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = canvas.width / 11;
  let last: [number, number] | null = null;
  const at = (e: PointerEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [((e.clientX - r.left) * canvas.width) / r.width, ((e.clientY - r.top) * canvas.height) / r.height];
  };
  canvas.addEventListener('pointerdown', (e) => {
    canvas.setPointerCapture(e.pointerId);
    last = at(e);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!last) return;
    const p = at(e);
    ctx.beginPath();
    ctx.moveTo(...last);
    ctx.lineTo(...p);
    ctx.stroke();
    last = p;
  });
  const end = () => {
    if (last) onStroke();
    last = null;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  return clear;
}
