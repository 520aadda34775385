// BatchMatMul and _FusedMatMul on wasm reach XNNPACK for transposed and batched operands.
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { fastWasmMatMul } from './wasm/fast-mat-mul.js';

fastWasmMatMul(tf.BatchMatMul);
fastWasmMatMul(tf._FusedMatMul);
