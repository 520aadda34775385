import type { Tensor2D } from '@neurite/tensor';
import { tensorOp, type BindTensorOptions } from './bind-tensor.js';

/**
 * Tensor path of unbinding key `a` from trace `c` ([batch, D] tensors, single rows broadcast)
 * on the active tfjs backend; the result stays on the backend (see `bindTensor`).
 * hrr: circular correlation a^† ⊛ c; fhrr: angle difference wrapped into [−π, π); map:
 * elementwise product; the other models as `Vsa.unbind` (see `bindTensor`). Returns a new tensor the caller disposes.
 */
export function unbindTensor(c: Tensor2D, a: Tensor2D, opts: BindTensorOptions = {}): Tensor2D {
  return tensorOp('unbindTensor', a, c, true, 'a', 'c', opts.model, opts);
}
