/**
 * @internal Where the engine's hot arrays live: one WebAssembly memory of a fixed size (it
 * never grows, so the typed-array views stay valid), so that the SIMD kernels (lif-wasm.ts)
 * run on the state in place, or plain typed arrays when there is no WebAssembly SIMD or the
 * state is too big for one 32-bit memory. Every allocation is zeroed and 16-byte aligned.
 */
export interface StateHeap {
  /** The memory the views lie in; null for plain typed arrays. */
  readonly memory: WebAssembly.Memory | null;
  f64(n: number): Float64Array;
  i32(n: number): Int32Array;
}

/** Largest heap made (bytes): 2 GiB, below every engine's limit for one memory. */
export const MAX_HEAP_BYTES = 2 ** 31;

/** Bytes an allocation of `n` elements of `size` bytes takes in a heap. */
export const heapBytes = (n: number, size: number): number => Math.ceil((n * size) / 16) * 16;

/** A heap of `bytes` in WebAssembly memory when `wasm` (and the size fits), plain arrays otherwise. */
export function createStateHeap(bytes: number, wasm: boolean): StateHeap {
  if (!wasm || bytes > MAX_HEAP_BYTES) {
    return { memory: null, f64: (n) => new Float64Array(n), i32: (n) => new Int32Array(n) };
  }
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  let top = 0;
  const take = (n: number, size: number) => {
    const at = top;
    top += heapBytes(n, size);
    if (top > pages * 65536) throw new RangeError(`state heap: ${top} bytes needed, ${pages * 65536} reserved`);
    return at;
  };
  return {
    memory,
    f64: (n) => new Float64Array(memory.buffer, take(n, 8), n),
    i32: (n) => new Int32Array(memory.buffer, take(n, 4), n),
  };
}
