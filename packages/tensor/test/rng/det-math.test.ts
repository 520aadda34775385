import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detExp, detExpm1, detLog, detLog1p } from '../../src/rng/det-math.js';
import { createRng } from '../../src/rng/create-rng.js';

type Fn = 'log' | 'log1p' | 'exp' | 'expm1';
/** Rows [x, r, d, e] written by test/fixtures/rng/make_det_math_reference.py (see there). */
type Row = [string, string, number, number];

const FIXTURE = fileURLToPath(new URL('../fixtures/rng/det-math-reference.json', import.meta.url));
const REF = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<Fn, Row[]>;
const FNS: Record<Fn, (x: number) => number> = { log: detLog, log1p: detLog1p, exp: detExp, expm1: detExpm1 };
const MATH: Record<Fn, (x: number) => number> = { log: Math.log, log1p: Math.log1p, exp: Math.exp, expm1: Math.expm1 };

const num = (s: string): number => (s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
/** Position of x on the ordered line of doubles (-0 and +0 both at 0). */
function ordinal(x: number): bigint {
  f64[0] = x;
  const b = i64[0];
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}
/** Number of doubles between a and b (0 when equal, NaN both, or ±0). */
function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}
/** A double from 64 random bits of the seeded generator (every exponent, subnormals, NaNs and infinities included). */
function randomDouble(g: ReturnType<typeof createRng>): number {
  i64[0] = (BigInt(g.nextUint32()) << 32n) | BigInt(g.nextUint32());
  return f64[0];
}

describe('det-math against 60-digit references (fixture from make_det_math_reference.py)', () => {
  for (const fn of ['log', 'log1p', 'exp', 'expm1'] as const) {
    it(`${fn}: every fixture argument within 1 ulp of the exact value, almost all correctly rounded`, () => {
      const rows = REF[fn];
      expect(rows.length).toBeGreaterThan(1000);
      let worst = 0,
        worstX = '',
        rounded = 0;
      const bad: string[] = [];
      for (const [xs, rs, d, e] of rows) {
        const x = Number(xs),
          r = num(rs),
          y = FNS[fn](x);
        if (!Number.isFinite(r)) {
          if (y !== r) bad.push(`${fn}(${xs}) = ${y}, want ${rs}`);
          continue;
        }
        // error in ulps of the exact value: (y - r) is exact for nearby y, 2^e is a power of two
        const err = Math.abs((y - r) / 2 ** e - d);
        if (!(err < 1)) bad.push(`${fn}(${xs}) = ${y}, exact ≈ ${rs} + ${d}·2^${e}: error ${err} ulp`);
        if (y === r && Object.is(y, r)) rounded++;
        if (err > worst) {
          worst = err;
          worstX = xs;
        }
      }
      expect(bad).toEqual([]);
      // fdlibm is not correctly rounded (errors up to ~0.75 ulp), but rounds most arguments correctly
      expect(rounded / rows.length).toBeGreaterThan(0.85);
      expect(worst, `worst at ${fn}(${worstX})`).toBeLessThan(1);
    });
  }

  it('exactly known values: log(1) = +0, exp(0) = 1, log(2^k) = k·ln2 rounded, expm1(±0) = ±0, log1p(±0) = ±0', () => {
    expect(Object.is(detLog(1), 0)).toBe(true);
    expect(detExp(0)).toBe(1);
    expect(detExp(-0)).toBe(1);
    expect(Object.is(detExpm1(0), 0)).toBe(true);
    expect(Object.is(detExpm1(-0), -0)).toBe(true);
    expect(Object.is(detLog1p(0), 0)).toBe(true);
    expect(Object.is(detLog1p(-0), -0)).toBe(true);
    // log(2^k) for every k from the fixture rows whose argument is a power of two: correctly rounded
    const isPow2 = (x: number) => {
      f64[0] = x;
      const b = i64[0];
      return b > 0n && (b >> 52n === 0n ? (b & (b - 1n)) === 0n : (b & 0xfffffffffffffn) === 0n);
    };
    let n = 0;
    for (const [xs, rs] of REF.log) {
      const x = Number(xs);
      if (isPow2(x)) {
        expect(detLog(x), `log(${xs})`).toBe(Number(rs));
        n++;
      }
    }
    expect(n).toBeGreaterThan(150);
  });
});

describe('det-math special arguments (IEEE 754 / C99 Annex F results)', () => {
  it('log', () => {
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-0)).toBe(-Infinity);
    expect(detLog(Infinity)).toBe(Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(-Infinity)).toBeNaN();
    expect(detLog(-5e-324)).toBeNaN();
    expect(detLog(NaN)).toBeNaN();
    expect(Number.isFinite(detLog(5e-324)) && detLog(5e-324) < -744).toBe(true);
    expect(Number.isFinite(detLog(Number.MAX_VALUE)) && detLog(Number.MAX_VALUE) > 709).toBe(true);
  });

  it('log1p', () => {
    expect(detLog1p(-1)).toBe(-Infinity);
    expect(detLog1p(-1.0000000000000002)).toBeNaN();
    expect(detLog1p(-Infinity)).toBeNaN();
    expect(detLog1p(NaN)).toBeNaN();
    expect(detLog1p(Infinity)).toBe(Infinity);
    expect(detLog1p(5e-324)).toBe(5e-324);
    expect(detLog1p(-5e-324)).toBe(-5e-324);
    expect(detLog1p(1e-300)).toBe(1e-300);
  });

  it('exp: overflow and underflow thresholds', () => {
    expect(detExp(Infinity)).toBe(Infinity);
    expect(Object.is(detExp(-Infinity), 0)).toBe(true);
    expect(detExp(NaN)).toBeNaN();
    expect(detExp(1000)).toBe(Infinity);
    expect(Object.is(detExp(-1000), 0)).toBe(true);
    // ln(MAX_VALUE) = 709.782712893384 (rounded down): e^x is finite there and overflows at the next double
    const lnMax = 709.782712893384;
    expect(Number.isFinite(detExp(lnMax))).toBe(true);
    expect(detExp(lnMax)).toBeGreaterThan(1.79e308);
    expect(detExp(709.7827128933841)).toBe(Infinity);
    // the smallest subnormal 2^-1074 = e^-744.44...; half of it (e^-745.13...) rounds to 0
    expect(detExp(-744.4400719213812)).toBe(5e-324);
    expect(detExp(-745.1332191019411)).toBe(5e-324);
    expect(Object.is(detExp(-745.1332191019412), 0)).toBe(true);
    expect(detExp(5e-324)).toBe(1);
    expect(detExp(-5e-324)).toBe(1);
  });

  it('expm1', () => {
    expect(detExpm1(Infinity)).toBe(Infinity);
    expect(detExpm1(-Infinity)).toBe(-1);
    expect(detExpm1(NaN)).toBeNaN();
    expect(detExpm1(1000)).toBe(Infinity);
    expect(detExpm1(-40)).toBe(-1);
    expect(detExpm1(-37)).toBeGreaterThan(-1);
    expect(detExpm1(5e-324)).toBe(5e-324);
    expect(detExpm1(-1e-300)).toBe(-1e-300);
    expect(Number.isFinite(detExpm1(709.782712893384))).toBe(true);
  });

  it('monotone across consecutive doubles at the reduction boundaries', () => {
    const up = (x: number) => {
      f64[0] = x;
      i64[0] += x >= 0 ? 1n : -1n;
      return f64[0];
    };
    const sweep = (f: (x: number) => number, start: number, n: number) => {
      let x = start,
        prev = f(x);
      for (let i = 0; i < n; i++) {
        x = up(x);
        const y = f(x);
        if (!(y >= prev)) return `${f.name}: f(${x}) = ${y} < ${prev}`;
        prev = y;
      }
      return '';
    };
    const problems = [
      sweep(detLog, 1 - 2000 * 2 ** -53, 4000),
      sweep(detLog, Math.SQRT2 - 2000 * 2 ** -52, 4000),
      sweep(detLog1p, -(2 ** -29) - 1e-20, 2000),
      sweep(detLog1p, Math.SQRT2 - 1 - 2000 * 2 ** -53, 4000),
      sweep(detExp, 0.5 * Math.LN2 - 2000 * 2 ** -54, 4000),
      sweep(detExp, 1.5 * Math.LN2 - 2000 * 2 ** -52, 4000),
      sweep(detExpm1, 0.5 * Math.LN2 - 2000 * 2 ** -54, 4000),
      sweep(detExpm1, -0.5 * Math.LN2 - 2000 * 2 ** -54, 4000),
    ].filter((s) => s !== '');
    expect(problems).toEqual([]);
  });
});

describe("det-math against this engine's Math.* (both within 1 ulp of exact, so at most 1 ulp apart)", () => {
  const N = 100_000;
  const gens: Record<Fn, Array<(g: ReturnType<typeof createRng>) => number>> = {
    log: [(g) => Math.abs(randomDouble(g)), (g) => 1 - g.uniform(), (g) => 1 + (g.uniform() - 0.5) * 2 ** -20],
    log1p: [
      (g) => {
        const v = randomDouble(g);
        return v < -1 ? -g.uniform() : v;
      },
      (g) => (g.uniform() - 0.5) * 2,
      (g) => (g.uniform() - 0.5) * 2 ** -25,
    ],
    exp: [(g) => (g.uniform() - 0.5) * 1500, (g) => (g.uniform() - 0.5) * 4, (g) => -0.5 * (g.uniform() * 10) ** 2],
    expm1: [(g) => (g.uniform() - 0.5) * 1500, (g) => (g.uniform() - 0.5) * 4, (g) => (g.uniform() - 0.5) * 100],
  };
  for (const fn of ['log', 'log1p', 'exp', 'expm1'] as const) {
    it(`${fn}: ${3 * N} seeded random arguments`, () => {
      const g = createRng(`det-math ${fn}`);
      const bad: string[] = [];
      for (const gen of gens[fn]) {
        for (let i = 0; i < N; i++) {
          const x = gen(g);
          const dist = ulpDistance(FNS[fn](x), MATH[fn](x));
          if (dist > 1 && bad.length < 5) bad.push(`${fn}(${x}): ${FNS[fn](x)} vs Math ${MATH[fn](x)}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
