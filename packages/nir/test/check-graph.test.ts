import { describe, expect, it } from 'vitest';
import { checkGraph, convOutputSize, createGraph, createNode, flattenShape, nirArray } from '../src/index.js';

const f32 = (shape: number[]) => nirArray(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape, 'float32');

describe('shape inference', () => {
  it('conv formula floor((n + 2p − d(k − 1) − 1)/s + 1)', () => {
    expect(convOutputSize(34, 5, 2, 1)).toBe(16); // cnn_sinabs layer 0
    expect(convOutputSize(10, 3, 1, 0, 2)).toBe(6);
    expect(convOutputSize(7, 3, 2, 'same')).toBe(7);
    expect(convOutputSize(7, 3, 2, 'valid')).toBe(3);
  });
  it('non-square kernels, stride, padding and dilation per dim', () => {
    const g = createGraph({
      nodes: {
        input: createNode('Input', { shape: [3, 20, 11] }),
        conv: createNode('Conv2d', {
          input_shape: null,
          weight: f32([4, 3, 5, 2]),
          bias: f32([4]),
          stride: [2, 1],
          padding: [1, 0],
          dilation: [1, 2],
          groups: 1,
        }),
        pool: createNode('SumPool2d', { kernel_size: [3, 1], stride: [3, 1], padding: [0, 0] }),
        flat: createNode('Flatten', { start_dim: 0, end_dim: -1, input_type: null }),
        output: createNode('Output', { shape: [4 * 3 * 9] }),
      },
      edges: [
        ['input', 'conv'],
        ['conv', 'pool'],
        ['pool', 'flat'],
        ['flat', 'output'],
      ],
    });
    const s = checkGraph(g);
    // H: floor((20 + 2 − 4 − 1)/2 + 1) = 9; W: floor((11 − 2·1 − 1)/1 + 1) = 9; pool H: floor((9 − 3)/3 + 1) = 3
    expect(s.nodes.conv.output).toEqual([4, 9, 9]);
    expect(s.nodes.pool.output).toEqual([4, 3, 9]);
    expect(s.nodes.flat.output).toEqual([108]);
  });
  it('flatten of a middle range', () => {
    expect(flattenShape([2, 3, 4, 5], 1, 2)).toEqual([2, 12, 5]);
    expect(flattenShape([2, 3, 4], 0, -1)).toEqual([24]);
  });
  it('a mismatch names the edge and both shapes', () => {
    expect(() =>
      createGraph({
        nodes: {
          input: createNode('Input', { shape: [4] }),
          fc: createNode('Linear', { weight: f32([2, 3]) }),
          output: createNode('Output', { shape: [2] }),
        },
        edges: [
          ['input', 'fc'],
          ['fc', 'output'],
        ],
      }),
    ).toThrow("node '/' edge 'input' -> 'fc': shape mismatch: 'input' gives [4] but 'fc' takes [3]");
  });
});
