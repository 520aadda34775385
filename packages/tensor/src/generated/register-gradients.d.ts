// Side-effect module generated at build time by scripts/bundle-gradients.mjs:
// registers every tfjs-core gradient so tf.grad / optimizers work on all backends.
export {};
