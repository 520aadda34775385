/**
 * Reference statistics of brain.py, the lazy simulator of the assembly
 * calculus (Papadimitriou, Vempala, Mitropolsky, Collins, Maass, PNAS 2020;
 * github.com/dmitropolsky/assemblies, brain.py at commit 81e4297),
 * seeds 0, 1, 2, 3, 4, numpy 2.4.6, scipy 1.17.1: the experiments of its
 * simulations.py (project_sim, associate). The figures are a copy of
 * test/fixtures/brain-py-statistics.json, written by
 * test/fixtures/brain_py_statistics.py (which runs brain.py itself);
 * test/statistics.test.ts checks that the two are equal.
 */
export const BRAIN_PY_REFERENCE = {
  source: 'brain.py, github.com/dmitropolsky/assemblies',
  commit: '81e429724b71b8f42a6a05ff278ac61b035c1998',
  seeds: [0, 1, 2, 3, 4],
  /** Lazy projection, n = 1e5, k = 317, p = 0.01; per seed: support after 20 rounds, rounds until no new winner (roundsToStable), first round without a new winner, round-2/round-1 overlap (fraction of k). */
  projection: {
    n: 100000,
    k: 317,
    p: 0.01,
    rounds: 100,
    rows: [
      {
        beta: 0.01,
        support20: [2162, 2339, 2186, 2257, 2294],
        roundsToStable: [42, 50, 44, 52, 48],
        firstQuietRound: [43, 42, 41, 41, 45],
        overlap21: [0.29652996845425866, 0.29652996845425866, 0.28391167192429023, 0.26813880126182965, 0.2113564668769716],
      },
      {
        beta: 0.05,
        support20: [1235, 1248, 1248, 1277, 1302],
        roundsToStable: [11, 14, 12, 14, 14],
        firstQuietRound: [12, 15, 13, 15, 15],
        overlap21: [0.29652996845425866, 0.29652996845425866, 0.28391167192429023, 0.26813880126182965, 0.2113564668769716],
      },
      {
        beta: 0.1,
        support20: [794, 807, 772, 870, 861],
        roundsToStable: [9, 7, 6, 9, 8],
        firstQuietRound: [8, 8, 7, 8, 9],
        overlap21: [0.3659305993690852, 0.38170347003154576, 0.3470031545741325, 0.35331230283911674, 0.30914826498422715],
      },
    ],
  },
  /** Association, n = 1e5, k = 317, p = 0.05, β = 0.1: overlap of A's assembly in C with C's winners after B alone projects again (fraction of k), per seed. */
  association: {
    n: 100000,
    k: 317,
    p: 0.05,
    beta: 0.1,
    after: [0.10725552050473186, 0.10410094637223975, 0.11356466876971609, 0.13249211356466878, 0.07255520504731862],
  },
} as const;
