import { TensorError } from '../tensor-error.js';
import { checkInt } from '../tensor-validators.js';
import type { BlockArgs, BlockFunction, BlockReply, BlockRequest } from './block-task.js';
import { builtModuleUrl } from './built-module-url.js';

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /**
   * Number of workers. Default: the number of cores minus one (at least 1) in
   * Node (os.availableParallelism), navigator.hardwareConcurrency - 1 in a
   * browser; 0 where workers cannot share memory (a browser page that is not
   * crossOriginIsolated), so every task runs on the calling thread.
   */
  workers?: number;
}

/** A task for {@link WorkerPool.run}. */
export interface BlockTask {
  /** URL of the ES module (built JavaScript) that exports `fn`; workers import it once. */
  module: string;
  /** Name of the exported {@link BlockFunction}. */
  fn: string;
  /** Arguments: share arrays as typed arrays over SharedArrayBuffer ({@link sharedArray}). */
  args: BlockArgs;
  /** Number of blocks; block b of `blocks` is one call `fn(args, b, blocks)`. */
  blocks: number;
}

/**
 * A fixed set of workers sharing memory with the calling thread: Node
 * worker_threads, or module Web Workers in a crossOriginIsolated page. A task
 * is cut into blocks fixed by the task alone (never by the worker count);
 * idle workers take the next block, so every block is computed by the same
 * code on the same inputs whatever the number of workers: results are
 * bit-identical for 1, 2 or n workers.
 */
export interface WorkerPool {
  /** Number of workers (0: every task runs on the calling thread). */
  readonly size: number;
  /** Run every block of `task`; resolves when all are done, rejects with the first block's error. */
  run(task: BlockTask): Promise<void>;
  /** Stop the workers; later `run` calls reject. */
  terminate(): Promise<void>;
}

/** What the pool needs of a worker (Node worker_threads or Web Worker). @internal */
export interface PoolWorkerHandle {
  post(request: BlockRequest): void;
  /** Keep the process alive while this worker has work (Node); no-op in a browser. */
  ref(busy: boolean): void;
  terminate(): Promise<void>;
}

/** @internal */
export type SpawnWorker = (url: string, onReply: (reply: BlockReply) => void, onError: (e: Error) => void) => PoolWorkerHandle;

const isNode = typeof process !== 'undefined' && process.versions?.node != null;

/**
 * Whether this thread can share memory with workers: SharedArrayBuffer exists
 * and, in a browser, the page is crossOriginIsolated (COOP + COEP headers).
 */
export function canShareMemory(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  if (isNode) return true;
  return (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true && typeof Worker !== 'undefined';
}

/**
 * A typed array of `length` elements over a SharedArrayBuffer (visible to the
 * pool's workers without copying), or over a plain ArrayBuffer where memory
 * cannot be shared (then only a pool of size 0 may use it).
 */
export function sharedArray<T extends Float32Array | Float64Array | Int32Array | Uint32Array>(
  Type: { new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
  const bytes = length * Type.BYTES_PER_ELEMENT;
  return new Type(canShareMemory() ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), 0, length);
}

/** Whether `a` is a view of a SharedArrayBuffer. */
export function isShared(a: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer;
}

async function defaultWorkers(): Promise<number> {
  if (!canShareMemory()) return 0;
  if (isNode) {
    const spec = 'node:os';
    const os = (await import(/* @vite-ignore */ spec)) as typeof import('node:os');
    return Math.max(1, os.availableParallelism() - 1);
  }
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2;
  return Math.max(1, n - 1);
}

async function spawner(): Promise<SpawnWorker> {
  if (isNode) {
    const spec = './spawn-node-worker.js';
    return ((await import(/* @vite-ignore */ spec)) as { spawnNodeWorker: SpawnWorker }).spawnNodeWorker;
  }
  return (url, onReply, onError) => {
    const w = new Worker(url, { type: 'module' });
    w.addEventListener('message', (e: MessageEvent<BlockReply>) => onReply(e.data));
    w.addEventListener('error', (e: ErrorEvent) => onError(new Error(e.message)));
    return {
      post: (r) => w.postMessage(r),
      ref: () => {},
      terminate: () => {
        w.terminate();
        return Promise.resolve();
      },
    };
  };
}

/** Run every block of `task` on the calling thread, in order. @internal */
export async function runInline(task: BlockTask, fn: BlockFunction): Promise<void> {
  for (let b = 0; b < task.blocks; b++) await fn(task.args, b, task.blocks);
}

interface Job {
  task: BlockTask;
  next: number;
  done: number;
  failed: boolean;
  resolve(): void;
  reject(e: Error): void;
}

class Pool implements WorkerPool {
  readonly size: number;
  private readonly workers: PoolWorkerHandle[] = [];
  private readonly idle: number[] = [];
  private readonly queue: Job[] = [];
  private readonly inFlight = new Map<number, { job: Job; worker: number }>();
  private nextId = 1;
  private closed = false;

  constructor(spawn: SpawnWorker, size: number, url: string) {
    this.size = size;
    for (let i = 0; i < size; i++) {
      this.workers.push(
        spawn(
          url,
          (reply) => this.onReply(reply),
          (e) => this.onWorkerError(i, e),
        ),
      );
      this.idle.push(i);
    }
  }

  run(task: BlockTask): Promise<void> {
    if (this.closed) return Promise.reject(new TensorError('pool', 'WorkerPool.run: the pool was terminated', { code: 'ERR_STATE' }));
    checkInt('WorkerPool.run', 'blocks', task.blocks, 0);
    if (task.blocks === 0) return Promise.resolve();
    if (this.size === 0) {
      return import(/* @vite-ignore */ task.module).then((mod: Record<string, unknown>) => {
        const fn = mod[task.fn];
        if (typeof fn !== 'function') throw new TensorError('fn', `WorkerPool.run: ${task.module} exports no function ${task.fn}`);
        return runInline(task, fn as BlockFunction);
      });
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ task, next: 0, done: 0, failed: false, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const job = this.queue[0];
      if (job.next >= job.task.blocks) {
        this.queue.shift();
        continue;
      }
      const w = this.idle.shift()!;
      const id = this.nextId++;
      const block = job.next++;
      this.inFlight.set(id, { job, worker: w });
      this.workers[w].ref(true);
      this.workers[w].post({ id, module: job.task.module, fn: job.task.fn, args: job.task.args, block, blocks: job.task.blocks });
    }
  }

  private onReply(reply: BlockReply): void {
    const entry = this.inFlight.get(reply.id);
    if (entry === undefined) return;
    this.inFlight.delete(reply.id);
    const { job, worker } = entry;
    this.workers[worker].ref(false);
    this.idle.push(worker);
    if (reply.error !== undefined && !job.failed) {
      job.failed = true;
      job.next = job.task.blocks;
      job.reject(new TensorError('task', `WorkerPool: ${job.task.fn} failed in a worker: ${reply.error}`, { code: 'ERR_STATE' }));
    }
    job.done++;
    if (job.done === job.task.blocks && !job.failed) job.resolve();
    this.pump();
  }

  private onWorkerError(worker: number, e: Error): void {
    for (const [id, entry] of this.inFlight) {
      if (entry.worker !== worker) continue;
      this.inFlight.delete(id);
      if (!entry.job.failed) {
        entry.job.failed = true;
        entry.job.reject(new TensorError('task', `WorkerPool: a worker died: ${e.message}`, { code: 'ERR_STATE', cause: e }));
      }
    }
  }

  async terminate(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const { job } of this.inFlight.values()) {
      if (!job.failed) {
        job.failed = true;
        job.reject(new TensorError('pool', 'WorkerPool: terminated while a task ran', { code: 'ERR_STATE' }));
      }
    }
    this.inFlight.clear();
  }
}

/**
 * Start a pool of workers (see {@link WorkerPool}). Node: worker_threads with
 * SharedArrayBuffer; browser: module Web Workers, only in a crossOriginIsolated
 * page (else the pool has size 0 and runs tasks on the calling thread).
 * @throws TensorError when `workers` is not a non-negative integer, or is > 0
 *   where memory cannot be shared.
 */
export async function createWorkerPool(options: WorkerPoolOptions = {}): Promise<WorkerPool> {
  const fn = 'createWorkerPool';
  const size = options.workers === undefined ? await defaultWorkers() : checkInt(fn, 'workers', options.workers, 0, 256);
  if (size > 0 && !canShareMemory()) {
    throw new TensorError(
      'workers',
      `${fn}: workers = ${size} needs SharedArrayBuffer: a crossOriginIsolated page (COOP same-origin + COEP require-corp) in a browser`,
      { code: 'ERR_UNSUPPORTED' },
    );
  }
  return new Pool(size === 0 ? () => undefined as never : await spawner(), size, builtModuleUrl('pool-worker', import.meta.url));
}
