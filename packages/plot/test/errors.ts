import { expect } from 'vitest';
import { NeuriteError } from '@neurite/tensor'; // the index: the same class users check against
import { PlotError } from '../src/index.js';

/** Await `p` and check it rejects with a PlotError of this code and argument. */
export async function expectPlotError(p: Promise<unknown> | (() => unknown), code: string, argument: string): Promise<void> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(PlotError);
  expect(err).toBeInstanceOf(NeuriteError);
  expect((err as PlotError).name).toBe('PlotError');
  expect({ code: (err as PlotError).code, argument: (err as PlotError).argument }).toEqual({ code, argument });
}
