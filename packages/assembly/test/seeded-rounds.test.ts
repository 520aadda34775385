import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '@neurite/tensor/node';
import { seededRounds } from './seeded-rounds.js';

/**
 * A DETERMINISM fixture, not a statistics reference: fixtures/seeded-rounds.json
 * holds the winners these seeded rounds produced when it was written (Node), so
 * that any engine or platform can be compared with it and a change of the
 * random stream is noticed. The statistics of the same code are tested against
 * brain.py separately (statistics.test.ts, simulate-projection.test.ts, ...).
 * browser.test.ts runs the same rounds in Chromium and compares them with Node.
 *
 * Rewrite the fixture (only after a deliberate change of the stream, e.g. a new
 * sampler): NEURITE_UPDATE_GOLDEN=1 npx vitest run packages/assembly/test/seeded-rounds.test.ts
 */
const FIXTURE = new URL('./fixtures/seeded-rounds.json', import.meta.url);

describe('seeded Brain rounds', () => {
  it('give the committed winner lists (determinism fixture)', async () => {
    const got = seededRounds();
    if (process.env.NEURITE_UPDATE_GOLDEN === '1') await writeFileAtomic(FIXTURE.pathname, JSON.stringify(got) + '\n');
    const want = JSON.parse(readFileSync(FIXTURE, 'utf8')) as unknown;
    expect(got).toEqual(want);
  });

  it('give the same winners when run twice in one process', () => {
    expect(seededRounds()).toEqual(seededRounds());
  });
});
