/**
 * What a worker pool runs: a function exported by an ES module, called on one
 * block of a task at a time. Every block of a task is independent (it writes
 * its own slice of the output, read from shared inputs), so which worker ran
 * it, and in which order, never changes the result.
 */

/** Arguments of a task: numbers, strings, booleans and typed arrays (over SharedArrayBuffer to share them with workers). */
export type BlockArgs = Record<string, unknown>;

/**
 * A block function: `fn(args, block, blocks)` does block `block` of `blocks`
 * (0 <= block < blocks) in place, writing into the shared output arrays in
 * `args`. It may return a promise (awaited before the block counts as done).
 */
export type BlockFunction = (args: BlockArgs, block: number, blocks: number) => void | Promise<void>;

/** Message from the pool to a worker. @internal */
export interface BlockRequest {
  id: number;
  module: string;
  fn: string;
  args: BlockArgs;
  block: number;
  blocks: number;
}

/** Message from a worker to the pool. @internal */
export interface BlockReply {
  id: number;
  error?: string;
}

/**
 * The rows of block `block` when `rows` rows are cut into `blocks` contiguous
 * blocks as evenly as possible (the first rows % blocks blocks get one more):
 * [start, end). Depends only on (rows, blocks), never on the worker count.
 */
export function blockRange(rows: number, block: number, blocks: number): [number, number] {
  const base = Math.floor(rows / blocks);
  const extra = rows % blocks;
  const start = block * base + Math.min(block, extra);
  return [start, start + base + (block < extra ? 1 : 0)];
}
