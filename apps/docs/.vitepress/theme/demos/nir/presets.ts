// How the NIR demo runs each file it ships: the time step and reset the file's exporter assumed
// (the same settings as packages/nir/test/compile.test.ts), a few steps, an input rate.
import type { ResetMode } from '@neurite/nir';

export interface NirPreset {
  dt: number;
  reset: ResetMode;
  integration: 'euler' | 'exact';
  steps: number;
  rate: number;
  /** Rename a dangling edge end (the paper's braille subgraph file needs it). */
  repair?: 'rename-dangling';
  note: string;
}

const DEFAULT: NirPreset = { dt: 1e-3, reset: 'zero', integration: 'euler', steps: 100, rate: 0.3, note: '' };

export const PRESETS: Record<string, Partial<NirPreset>> = {
  'lif_norse.nir': { dt: 1e-4, reset: 'to_v_reset', steps: 100, rate: 0.5, note: 'Affine(1→1) → LIF exported from Norse (NIR paper)' },
  'two_lif_neurons.nir': { dt: 1e-4, reset: 'to_v_reset', steps: 100, rate: 0.5, note: 'two LIF neurons (NIR paper)' },
  'braille_noDelay_bias_zero.nir': {
    dt: 1e-3,
    reset: 'zero',
    steps: 100,
    rate: 0.2,
    note: 'braille reading network, recurrent CubaLIF (NIR paper)',
  },
  'braille_noDelay_noBias_subtract.nir': {
    dt: 1e-3,
    reset: 'subtract',
    steps: 100,
    rate: 0.2,
    note: 'braille reading network, subtractive reset (NIR paper)',
  },
  'braille_noDelay_noBias_subtract_subgraph.nir': {
    dt: 1e-3,
    reset: 'subtract',
    steps: 100,
    rate: 0.2,
    repair: 'rename-dangling',
    note: 'the same network as a subgraph; its dangling edge is repaired on load',
  },
  'cnn_sinabs.nir': {
    dt: 1,
    reset: 'subtract',
    steps: 10,
    rate: 0.1,
    note: 'convolutional IF network from Sinabs (NIR paper), 2×34×34 input',
  },
};

export function presetFor(file: string): NirPreset {
  return { ...DEFAULT, ...PRESETS[file] };
}
