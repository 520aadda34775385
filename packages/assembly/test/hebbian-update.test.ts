import { describe, it, expect } from 'vitest';
import { Brain } from '../src/index.js';

describe('hebbianUpdate', () => {
  it('multiplies exactly the synapses from firing neurons into winners by 1 + β (float32), and no other', () => {
    const beta = 0.25;
    const b = new Brain(0.05, 8).addStimulus('s', 40).addArea('A', 4000, 40, beta);
    b.project({ s: ['A'] }, {});
    b.project({ s: ['A'] }, { A: ['A'] });
    const prev = b.winners('A');
    const w0 = b.support('A');
    const before = b.connectomeDense('A', 'A');
    const stimBefore = b.stimulusWeights('s', 'A');
    b.project({ s: ['A'] }, { A: ['A'] });
    const win = new Set(b.winners('A'));
    const after = b.connectomeDense('A', 'A');
    const stimAfter = b.stimulusWeights('s', 'A');
    const firing = new Set(prev);
    for (let i = 0; i < w0; i++) {
      for (let j = 0; j < w0; j++) {
        const v = before.data[i * before.cols + j];
        const expected = firing.has(i) && win.has(j) ? Math.fround(v * (1 + beta)) : v;
        expect(after.data[i * after.cols + j], `synapse ${i} → ${j}`).toBe(expected);
      }
    }
    for (let j = 0; j < w0; j++) expect(stimAfter[j]).toBe(win.has(j) ? Math.fround(stimBefore[j] * (1 + beta)) : stimBefore[j]);
  });

  it('caps weights at maxWeight and leaves them alone with plasticity off', () => {
    const b = new Brain(0.05, 3, { maxWeight: 1.5 }).addStimulus('s', 50).addArea('A', 5000, 50, 1.0);
    b.project({ s: ['A'] }, {});
    for (let i = 0; i < 5; i++) b.project({ s: ['A'] }, { A: ['A'] });
    expect(Math.max(...b.connectomeDense('A', 'A').data)).toBe(1.5);
    b.plasticity = false;
    const stim = b.stimulusWeights('s', 'A');
    b.project({ s: ['A'] }, { A: ['A'] });
    expect(Array.from(b.stimulusWeights('s', 'A').subarray(0, stim.length))).toEqual(Array.from(stim));
  });
});
