/**
 * Node side of the worker pool: a worker_threads Worker running pool-worker.js,
 * unreferenced while idle so that an idle pool never keeps the process alive.
 * Node-only; loaded by createWorkerPool through a variable specifier.
 * @internal
 */
import { Worker } from 'node:worker_threads';
import type { BlockReply } from './block-task.js';
import type { PoolWorkerHandle } from './worker-pool.js';

export function spawnNodeWorker(url: string, onReply: (reply: BlockReply) => void, onError: (e: Error) => void): PoolWorkerHandle {
  const w = new Worker(new URL(url));
  w.unref();
  w.on('message', onReply);
  w.on('error', onError);
  let busy = 0;
  return {
    post: (r) => w.postMessage(r),
    ref(on) {
      busy += on ? 1 : -1;
      if (busy > 0) w.ref();
      else w.unref();
    },
    terminate: async () => {
      await w.terminate();
    },
  };
}
