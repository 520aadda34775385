/**
 * The script each pool worker runs (a Node worker_threads Worker or a module
 * Web Worker): it imports the module a request names (cached), calls the
 * named block function and replies with the request id (and the error text if
 * it threw). No node: imports at module scope, so browser bundlers can build it.
 */
import type { BlockFunction, BlockReply, BlockRequest } from './block-task.js';

interface Port {
  postMessage(message: BlockReply): void;
}

const modules = new Map<string, Promise<Record<string, unknown>>>();

async function handle(port: Port, request: BlockRequest): Promise<void> {
  try {
    let loading = modules.get(request.module);
    if (loading === undefined) {
      loading = import(/* @vite-ignore */ /* webpackIgnore: true */ request.module) as Promise<Record<string, unknown>>;
      modules.set(request.module, loading);
    }
    const mod = await loading;
    const fn = mod[request.fn];
    if (typeof fn !== 'function') throw new Error(`${request.module} exports no function ${request.fn}`);
    await (fn as BlockFunction)(request.args, request.block, request.blocks);
    port.postMessage({ id: request.id });
  } catch (e) {
    port.postMessage({ id: request.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

async function main(): Promise<void> {
  const g = globalThis as unknown as {
    process?: { versions?: { node?: string } };
    addEventListener?: (type: 'message', listener: (e: { data: BlockRequest }) => void) => void;
    postMessage?: (m: BlockReply) => void;
  };
  if (g.process?.versions?.node != null) {
    const spec = 'node:worker_threads';
    const { parentPort } = (await import(/* @vite-ignore */ spec)) as typeof import('node:worker_threads');
    if (parentPort === null) return;
    const port = parentPort;
    port.on('message', (request: BlockRequest) => void handle(port, request));
    return;
  }
  const port: Port = { postMessage: (m) => g.postMessage!(m) };
  g.addEventListener!('message', (e) => void handle(port, e.data));
}

void main();
