import type { Mnist, MnistSplit } from '../../src/index.js';

/** What test/browser.test.ts compares between Node and the page: sizes, labels and an exact checksum of the pixels. */
export interface MnistSummary {
  classCounts: number[];
  train: SplitSummary;
  test: SplitSummary;
}

interface SplitSummary {
  n: number;
  labels: number[];
  sourceIndexSum: number;
  /** FNV-1a over the float32 bits of every pixel: equal only if every pixel is bit-identical. */
  pixelHash: number;
}

function split(s: MnistSplit): SplitSummary {
  const bits = new Uint32Array(s.images.buffer, s.images.byteOffset, s.images.length);
  let h = 0x811c9dc5;
  for (let i = 0; i < bits.length; i++) h = Math.imul(h ^ bits[i]!, 0x01000193) >>> 0;
  return { n: s.n, labels: Array.from(s.labels), sourceIndexSum: s.sourceIndex.reduce((a, b) => a + b, 0), pixelHash: h };
}

export function summarize(m: Mnist): MnistSummary {
  return { classCounts: [...m.classCounts], train: split(m.train), test: split(m.test) };
}
