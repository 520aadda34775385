import { describe, it, expect } from 'vitest';
import { parseSentence, formatDependencies, AssemblyError, AssemblyParser } from '../src/index.js';

const lines = (s: string) => formatDependencies(parseSentence(s).dependencies).split('\n').sort();

describe('assembly parser (Mitropolsky et al. 2021)', () => {
  it('parses subject-verb-object', () => {
    expect(formatDependencies(parseSentence('cats chase mice').dependencies)).toBe('chase -SUBJ-> cats\nchase -OBJ-> mice');
  });
  it('parses determiners', () => {
    expect(lines('the dogs chase the cats')).toEqual(['cats -DET-> the', 'chase -OBJ-> cats', 'chase -SUBJ-> dogs', 'dogs -DET-> the']);
    expect(lines('the man saw a woman')).toEqual(['man -DET-> the', 'saw -OBJ-> woman', 'saw -SUBJ-> man', 'woman -DET-> a']);
  });
  it('parses adjectives, adverbs and the copula', () => {
    expect(lines('big dogs chase bad cats')).toEqual(['cats -ADJ-> bad', 'chase -OBJ-> cats', 'chase -SUBJ-> dogs', 'dogs -ADJ-> big']);
    expect(lines('dogs run quickly')).toEqual(['run -ADVERB-> quickly', 'run -SUBJ-> dogs']);
    expect(lines('cats are bad')).toEqual(['are -ADJ-> bad', 'are -SUBJ-> cats']);
  });
  it('parses prepositional phrases', () => {
    expect(lines('people run in cats')).toEqual(['cats -PREP-> in', 'run -PREP_P-> cats', 'run -SUBJ-> people']);
    expect(lines('dogs of the man chase cats')).toEqual([
      'chase -OBJ-> cats',
      'chase -SUBJ-> dogs',
      'dogs -PREP_P-> man',
      'man -DET-> the',
      'man -PREP-> of',
    ]);
  });
  it('is reproducible and works for other seeds', () => {
    for (const seed of [1, 2])
      expect(lines.call(null, 'cats chase mice')).toEqual(
        formatDependencies(new AssemblyParser({ seed }).parse('cats chase mice').dependencies).split('\n').sort(),
      );
  });
  it('rejects unknown words and verbless sentences', () => {
    expect(() => parseSentence('cats chase unicorns')).toThrow(/unknown word "unicorns"/);
    expect(() => parseSentence('the cats')).toThrow(AssemblyError);
    expect(() => parseSentence('   ')).toThrow(/empty/);
  });
});
