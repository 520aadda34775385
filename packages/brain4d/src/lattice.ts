/** A 4D lattice shape [X, Y, Z, W]. */
export type Lattice = readonly [number, number, number, number];

/** Neuron id of lattice point (x, y, z, w): id = ((w·Z + z)·Y + y)·X + x. */
export function latticeId(lattice: Lattice, x: number, y: number, z: number, w: number): number {
  return ((w * lattice[2] + z) * lattice[1] + y) * lattice[0] + x;
}

/** The (x, y, z, w) coordinates of a lattice id (inverse of {@link latticeId}). */
export function latticeCoords(lattice: Lattice, id: number): [number, number, number, number] {
  const [X, Y, Z] = lattice;
  const x = id % X;
  let r = (id - x) / X;
  const y = r % Y;
  r = (r - y) / Y;
  const z = r % Z;
  const w = (r - z) / Z;
  return [x, y, z, w];
}
