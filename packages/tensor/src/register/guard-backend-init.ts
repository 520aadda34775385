import * as tf from '@tensorflow/tfjs-core';

type ProcessEvent = 'uncaughtException' | 'unhandledRejection';
const PROCESS_EVENTS: readonly ProcessEvent[] = ['uncaughtException', 'unhandledRejection'];
type Listener = (...args: unknown[]) => void;

interface ProcessLike {
  listeners(event: ProcessEvent): Listener[];
  removeListener(event: ProcessEvent, listener: Listener): unknown;
}

/** `process` in Node, undefined in a browser (no import of node: modules). */
function nodeProcess(): ProcessLike | undefined {
  const p = (globalThis as { process?: { versions?: { node?: string } } & Partial<ProcessLike> }).process;
  return p?.versions?.node != null && typeof p.listeners === 'function' ? (p as ProcessLike) : undefined;
}

const initErrors = new Map<string, Error>();

/** The error the last failed initialisation of `name` rejected with (and forget it). @internal */
export function takeInitError(name: string): Error | undefined {
  const e = initErrors.get(name);
  initErrors.delete(name);
  return e;
}

/** A rejection reason as an Error (tfjs-backend-wasm rejects with a plain `{ message }`). */
function asError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  if (reason != null && typeof (reason as { message?: unknown }).message === 'string')
    return new Error((reason as { message: string }).message);
  return new Error(String(reason));
}

/**
 * Re-register the tfjs backend factory `name` (already registered by its tfjs
 * package, with the priority that package gave it) wrapped so that, however the
 * backend is initialised (setBackend, tf.setBackend, tf.ready):
 *
 * - a failure is kept for setBackend to report as the TensorError's `cause`
 *   (tfjs's engine only logs it and returns false);
 * - in Node, the `uncaughtException` / `unhandledRejection` listeners that an
 *   Emscripten module (tfjs-backend-wasm) installs while it starts are removed
 *   again. Emscripten's listeners rethrow from inside tf-backend-wasm.node.js and
 *   make Node exit with code 7 on any later uncaught error of the program;
 * - `adapt`, when given, runs on each backend the factory makes.
 *
 * Does nothing when the factory is missing (tfjs-backend-webgl / -webgpu register
 * none where their API is missing, e.g. in Node) or the backend has already been
 * initialised (re-registering would dispose the running instance).
 * @internal
 */
export function guardBackendInit(name: string, adapt?: (backend: tf.KernelBackend) => void): void {
  const engine = tf.engine();
  const entry = engine.registryFactory[name];
  if (entry == null || engine.registry[name] != null) return;
  const { factory, priority } = entry;
  tf.removeBackend(name);
  tf.registerBackend(
    name,
    () => {
      const proc = nodeProcess();
      const before = new Map(PROCESS_EVENTS.map((ev) => [ev, new Set(proc?.listeners(ev) ?? [])]));
      const removeNewListeners = (): void => {
        if (!proc) return;
        for (const ev of PROCESS_EVENTS) {
          for (const l of proc.listeners(ev)) if (!before.get(ev)!.has(l)) proc.removeListener(ev, l);
        }
      };
      const fail = (e: unknown): never => {
        initErrors.set(name, asError(e));
        throw e;
      };
      let made: ReturnType<typeof factory>;
      try {
        made = factory();
      } catch (e) {
        removeNewListeners();
        return fail(e);
      }
      // Synchronous factories (cpu, webgl) stay synchronous so tfjs can still pick them lazily.
      if (!(made instanceof Promise)) {
        removeNewListeners();
        adapt?.(made);
        return made;
      }
      return made.then(
        (backend) => {
          removeNewListeners();
          adapt?.(backend);
          return backend;
        },
        (e: unknown) => {
          removeNewListeners();
          return fail(e);
        },
      );
    },
    priority,
  );
}
