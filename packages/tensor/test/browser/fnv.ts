/** FNV-1a (32-bit) of the bytes of typed arrays, in order: one number to compare large results between Node and a page. */
export function fnv1a(...arrays: (ArrayBufferView | null)[]): number {
  let h = 0x811c9dc5;
  for (const a of arrays) {
    if (a === null) continue;
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  }
  return h >>> 0;
}
