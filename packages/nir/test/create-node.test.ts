import { describe, expect, it } from 'vitest';
import { createGraph, createNode, NirError, NODE_TYPES } from '../src/index.js';

describe('createNode', () => {
  it('knows the 19 node types of nir 1.0.7', () => {
    expect([...NODE_TYPES].sort()).toEqual([
      'Affine',
      'AvgPool2d',
      'Conv1d',
      'Conv2d',
      'CubaLI',
      'CubaLIF',
      'Delay',
      'Flatten',
      'I',
      'IF',
      'Input',
      'LI',
      'LIF',
      'Linear',
      'NIRGraph',
      'Output',
      'Scale',
      'SumPool2d',
      'Threshold',
    ]);
  });
  it('fills v_reset with zeros and w_in with ones like nir 1.0.7', () => {
    const n = createNode('CubaLIF', { tau_syn: [1, 2], tau_mem: [1, 2], r: [1, 1], v_leak: [0, 0], v_threshold: new Float32Array([1, 1]) });
    expect(Array.from(n.v_reset.data)).toEqual([0, 0]);
    expect(n.v_reset.dtype).toBe('float32');
    expect(Array.from(n.w_in.data)).toEqual([1, 1]);
    expect(n.metadata).toEqual({});
  });
  it('names node and field in errors', () => {
    expect(() => createNode('LIF', { tau: [1, 2], r: [1], v_leak: [0, 0], v_threshold: [1, 1] }, { node: 'lif' })).toThrow(
      new NirError("shape [1] differs from 'tau' [2]", { node: 'lif', field: 'r', code: 'ERR_SHAPE' }),
    );
    expect(() => createNode('Affine', { weight: [1, 2] }, { node: 'fc' })).toThrow("node 'fc' field 'bias': missing field");
    expect(() =>
      createNode('Conv1d', {
        weight: { shape: [2, 1, 3], dtype: 'float32', data: new Float32Array(6) },
        bias: [0, 0],
        stride: 1,
        padding: 'full',
        dilation: 1,
        groups: 1,
      }),
    ).toThrow(/field 'padding': padding must be 'same', 'valid' or integers/);
  });
  it('integer fields use the shared validators: code, argument and node/field location', () => {
    const conv = {
      weight: { shape: [2, 1, 3], dtype: 'float32', data: new Float32Array(6) },
      bias: [0, 0],
      stride: 1,
      padding: 0,
      dilation: 1,
    };
    const err = (() => {
      try {
        createNode('Conv1d', { ...conv, groups: 1.5 }, { node: 'c' });
      } catch (e) {
        return e;
      }
    })() as NirError;
    expect(err).toBeInstanceOf(NirError);
    expect([err.code, err.argument, err.node, err.field]).toEqual(['ERR_INVALID_ARGUMENT', 'groups', 'c', 'groups']);
    expect(err.message).toBe(
      `node 'c' field 'groups': Conv1d: groups must be an integer in [${Number.MIN_SAFE_INTEGER}, ${Number.MAX_SAFE_INTEGER}], got 1.5`,
    );
    const big = (() => {
      try {
        createNode('Conv1d', { ...conv, groups: 2 ** 60 });
      } catch (e) {
        return e;
      }
    })() as NirError;
    expect(big.code).toBe('ERR_OUT_OF_RANGE');
    const delay = (() => {
      try {
        createNode('Delay', { delay: [0.1, NaN] }, { node: 'd' });
      } catch (e) {
        return e;
      }
    })() as NirError;
    expect([delay.code, delay.message]).toEqual(['ERR_NOT_FINITE', "node 'd' field 'delay': Delay: delay[1] must be finite, got NaN"]);
  });
  it('rejects unknown fields and absurd sizes', () => {
    expect(() => createNode('Linear', { weight: { shape: [1, 1], dtype: 'float32', data: new Float32Array(1) }, bias: [1] })).toThrow(
      /field 'bias': unknown field for Linear/,
    );
    expect(() => createNode('Input', { shape: [1e6, 1e6] })).toThrow(/absurd size/);
  });
  it('graph edges must name existing nodes', () => {
    expect(() => createGraph({ nodes: { input: createNode('Input', { shape: [1] }) }, edges: [['input', 'nope']] })).toThrow(
      "node '/' edge 'input' -> 'nope': dangling edge: no node 'nope' in the graph (nodes: input)",
    );
  });
});
