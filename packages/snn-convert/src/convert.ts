import type { LayersModel } from '@neurite/tensor/layers';
import type { SeedOrRng } from '@neurite/tensor';
import { ConvertError, checkInt } from './convert-error.js';
import { evaluate } from './evaluate.js';
import type { SnnEvaluation } from './evaluate.js';
import { accuracyOf } from './evaluate.js';
import { finetune } from './finetune.js';
import { fit, staticLogits } from './fit.js';
import { foldBatchNorm } from './fold-batch-norm.js';
import { annActivation } from './forward.js';
import { fromLayersModel } from './from-layers-model.js';
import type { Surrogate } from './lif-step.js';
import type { LabelledData } from './labelled-data.js';
import { checkData } from './labelled-data.js';
import type { Network } from './network.js';
import { size } from './network.js';
import type { Calibration } from './qcfs.js';
import { qcfsActivation, toQcfs } from './qcfs.js';
import type { SpikingNetwork } from './spiking-network.js';
import { toSpiking } from './to-spiking.js';

/** `qcfs_if_ft`: QCFS training then BPTT fine-tuning; `qcfs_direct`: QCFS training only; `auto`: direct for residual models with 8 or more activations, fine-tuned otherwise. */
export type Strategy = 'auto' | 'qcfs_if_ft' | 'qcfs_direct';
/** The stages `convert` reports progress for. */
export type ConvertStage = 'read' | 'fold' | 'calibrate' | 'qcfs' | 'finetune' | 'evaluate';

/** Options of {@link convert}. */
export interface ConvertOptions {
  /** Data for the accuracies in the stats (ANN, QCFS, SNN per step); without it they are null. */
  testData?: LabelledData;
  /** Epochs of QCFS training (weights and λ), default 5; 0 keeps the calibrated λ. */
  qcfsEpochs?: number;
  /** Epochs of surrogate-gradient BPTT on the IF network (qcfs_if_ft only), default 5. */
  ifEpochs?: number;
  /** Default 'auto'. */
  strategy?: Strategy;
  /** One λ (θ) per channel (default true) or one per layer. */
  channelWise?: boolean;
  /** QCFS levels, default 8. */
  L?: number;
  /** Timesteps for fine-tuning and evaluation, default 16. */
  T?: number;
  /** How λ starts: 'qcfs' (default; 99.9th percentile, then learnt), 'max' or 'p99.9' (see {@link ToQcfsOptions}). */
  calibration?: Calibration;
  /** MaxPooling2D: replaced by average pooling (default) or kept (costs accuracy; no NIR export). */
  maxPool?: 'average' | 'keep';
  /** Initial membrane / θ (default 0.5). */
  v0?: number;
  /** Surrogate spike derivative for BPTT (default 'atan'). */
  surrogate?: Surrogate;
  /** Cut the reset term from the BPTT gradient (default true). */
  detachReset?: boolean;
  /** Adam learning rate of QCFS training (default 1e-3). */
  qcfsLr?: number;
  /** Adam learning rate of BPTT fine-tuning (default 1e-4). */
  ifLr?: number;
  /** Timesteps unrolled in BPTT (default min(T, 8)). */
  finetuneT?: number;
  /** Mini-batch size for training and evaluation (default 64). */
  batchSize?: number;
  /** Seed of the data order in training. */
  seed?: SeedOrRng;
  /** Called as each stage advances (batches done of total). */
  onProgress?: (stage: ConvertStage, done: number, total: number) => void;
}

/** What {@link convert} reports beside the network. */
export interface ConvertStats {
  /** The strategy used (`auto` resolved). */
  strategy: 'qcfs_if_ft' | 'qcfs_direct';
  /** The calibration used. */
  calibration: Calibration;
  /** QCFS levels. */
  L: number;
  /** Timesteps of the evaluation. */
  T: number;
  /** Accuracies on testData (null without it). */
  annAccuracy: number | null;
  /** Accuracy of the QCFS network (the ANN the SNN approximates). */
  qcfsAccuracy: number | null;
  /** Accuracy of the SNN after T steps. */
  snnAccuracy: number | null;
  /** SNN accuracy after t = 1..T steps (empty without testData). */
  accuracyPerStep: number[];
  /** θ of every IF layer (per channel), keyed by layer name. */
  thresholds: Record<string, number[]>;
  /** Seconds per stage. */
  timings: Record<string, number>;
  /** The SNN's evaluation on testData (spikes per layer too: for `sparsityOf`, `energyOf`), null without it. */
  evaluation: SnnEvaluation | null;
}

/** Deep residual models (an Add and at least this many activations) convert without BPTT under 'auto'. */
const DEEP = 8;

/**
 * The whole pipeline in one call: read the tfjs-layers model, fold batch
 * norm, calibrate λ, train QCFS, swap in IF neurons (θ = λ, v(0) = θ/2,
 * reset by subtraction), optionally fine-tune with surrogate BPTT, and
 * evaluate per timestep. 'auto' picks qcfs_direct (no BPTT) for deep residual
 * models and qcfs_if_ft otherwise.
 */
export async function convert(
  model: LayersModel | Network,
  trainData: LabelledData,
  opts: ConvertOptions = {},
): Promise<{ snn: SpikingNetwork; stats: ConvertStats }> {
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now()) / 1000;
  const timings: Record<string, number> = {};
  const T = checkInt('convert', 'T', opts.T ?? 16, 1, 1 << 20);
  const L = checkInt('convert', 'L', opts.L ?? 8, 1, 1 << 20);
  const qcfsEpochs = checkInt('convert', 'qcfsEpochs', opts.qcfsEpochs ?? 5, 0, 1e6);
  const ifEpochs = checkInt('convert', 'ifEpochs', opts.ifEpochs ?? 5, 0, 1e6);
  const calibration = opts.calibration ?? 'qcfs';
  const strategyIn = opts.strategy ?? 'auto';
  if (!['auto', 'qcfs_if_ft', 'qcfs_direct'].includes(strategyIn))
    throw new ConvertError('strategy', `convert: strategy must be 'auto', 'qcfs_if_ft' or 'qcfs_direct', got '${String(strategyIn)}'`);
  const progress = (stage: ConvertStage) => (d: number, t: number) => opts.onProgress?.(stage, d, t);
  let t0 = now();
  const ann = isNetwork(model) ? model : await fromLayersModel(model);
  timings.read = now() - t0;
  const inSize = size(ann.nodes[0].shape);
  const classes = ann.nodes[ann.output].shape[0];
  checkData('convert', 'trainData', trainData, inSize, classes);
  if (opts.testData) checkData('convert', 'testData', opts.testData, inSize, classes);
  t0 = now();
  const folded = foldBatchNorm(ann);
  timings.fold = now() - t0;
  const acts = folded.nodes.filter((n) => n.op.kind === 'act').length;
  const residual = folded.nodes.some((n) => n.op.kind === 'add');
  const strategy = strategyIn === 'auto' ? (residual && acts >= DEEP ? 'qcfs_direct' : 'qcfs_if_ft') : strategyIn;
  const annAccuracy = opts.testData ? await accuracyOf(folded, opts.testData, annActivation) : null;
  t0 = now();
  let q = await toQcfs(folded, trainData, { L, channelWise: opts.channelWise ?? true, calibration, maxPool: opts.maxPool });
  timings.calibrate = now() - t0;
  t0 = now();
  if (calibration === 'qcfs' && qcfsEpochs > 0) {
    q = (
      await fit(q, trainData, staticLogits(qcfsActivation), {
        epochs: qcfsEpochs,
        lr: opts.qcfsLr ?? 1e-3,
        batchSize: opts.batchSize ?? 64,
        seed: opts.seed ?? 0,
        onProgress: progress('qcfs'),
      })
    ).net;
  }
  timings.qcfs = now() - t0;
  const qcfsAccuracy = opts.testData ? await accuracyOf(q, opts.testData, qcfsActivation) : null;
  let snn = toSpiking(q, { v0: opts.v0 });
  t0 = now();
  if (strategy === 'qcfs_if_ft' && ifEpochs > 0) {
    snn = await finetune(snn, trainData, {
      epochs: ifEpochs,
      lr: opts.ifLr ?? 1e-4,
      T: opts.finetuneT ?? Math.min(T, 8),
      surrogate: opts.surrogate,
      detachReset: opts.detachReset,
      batchSize: opts.batchSize ?? 64,
      seed: opts.seed ?? 0,
      onProgress: progress('finetune'),
    });
  }
  timings.finetune = now() - t0;
  t0 = now();
  const ev = opts.testData ? await evaluate(snn, opts.testData, { T, onProgress: progress('evaluate') }) : null;
  timings.evaluate = now() - t0;
  const thresholds: Record<string, number[]> = {};
  for (const n of snn.network.nodes) if (n.op.kind === 'if') thresholds[n.name] = Array.from(n.op.theta);
  return {
    snn,
    stats: {
      strategy,
      calibration,
      L,
      T,
      annAccuracy,
      qcfsAccuracy,
      snnAccuracy: ev ? ev.accuracy : null,
      accuracyPerStep: ev ? ev.perStep : [],
      thresholds,
      timings,
      evaluation: ev,
    },
  };
}

/** A converter `Network` (rather than a tfjs-layers model). */
function isNetwork(m: LayersModel | Network): m is Network {
  const n = m as Partial<Network>;
  return Array.isArray(n.nodes) && typeof n.output === 'number';
}
