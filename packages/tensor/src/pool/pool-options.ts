/** Options shared by the pool kernels. */
export interface PoolKernelOptions {
  /**
   * true: run on the calling thread; false: on the workers; default: the
   * workers only when the work is above the kernel's measured crossover
   * (see the crossover constants in each kernel's doc comment) and the pool has workers.
   */
  inline?: boolean;
}
