export { DatasetError } from './dataset-error.js';
export { loadMnist } from './load-mnist.js';
export type { Mnist, MnistSplit } from './build-mnist.js';
export { MNIST_PIXELS, MNIST_SIDE, mnistTrainCount } from './mnist-train-count.js';
