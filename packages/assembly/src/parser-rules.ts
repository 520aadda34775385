/**
 * Rule tables of the assembly parser (Mitropolsky, Collins, Papadimitriou,
 * "A biologically plausible parser", TACL 2021): brain areas, the per-word
 * rules that inhibit / disinhibit areas and fibres before (pre) and after
 * (post) the word is processed, the lexicon, and the read-out rules.
 */
export const LEX = 'LEX',
  DET = 'DET',
  SUBJ = 'SUBJ',
  OBJ = 'OBJ',
  VERB = 'VERB',
  ADJ = 'ADJ',
  ADVERB = 'ADVERB',
  PREP = 'PREP',
  PREP_P = 'PREP_P';

/** Every area, in the order rules and project maps are evaluated. */
export const PARSER_AREAS = [LEX, DET, SUBJ, OBJ, VERB, ADJ, ADVERB, PREP, PREP_P] as const;
/** Name of one of the parser's areas. */
export type ParserArea = (typeof PARSER_AREAS)[number];
/** Areas that start disinhibited. */
export const INITIAL_AREAS: readonly ParserArea[] = [LEX, SUBJ, VERB];
export const RECURRENT_AREAS: readonly ParserArea[] = [SUBJ, OBJ, VERB, ADJ, ADVERB, PREP, PREP_P];

export type RuleAction = 'INHIBIT' | 'DISINHIBIT';
/** Inhibit/disinhibit an area under inhibition source `index`. */
export interface AreaRule {
  kind: 'area';
  action: RuleAction;
  area: ParserArea;
  index: number;
}
/** Inhibit/disinhibit the (two-way) fibre between two areas under inhibition source `index`. */
export interface FiberRule {
  kind: 'fiber';
  action: RuleAction;
  area1: ParserArea;
  area2: ParserArea;
  index: number;
}
/** A rule of a word: inhibit or disinhibit an area or a fibre. */
export type ParserRule = AreaRule | FiberRule;

/** A word of the lexicon: its LEX assembly and the rules it fires before and after projecting. */
export interface Lexeme {
  /** The word's assembly in LEX is neurons [index·k, index·k + k). */
  index: number;
  /** Part of speech (which rules the word has). */
  category: 'noun' | 'transVerb' | 'intransVerb' | 'copula' | 'adverb' | 'determiner' | 'adjective' | 'preposition';
  /** Rules applied when the word fires, before its projections. */
  pre: readonly ParserRule[];
  /** Rules applied after its projections. */
  post: readonly ParserRule[];
}

const A = (action: RuleAction, area: ParserArea, index: number): AreaRule => ({ kind: 'area', action, area, index });
const F = (action: RuleAction, area1: ParserArea, area2: ParserArea, index: number): FiberRule => ({
  kind: 'fiber',
  action,
  area1,
  area2,
  index,
});
const D = 'DISINHIBIT',
  I = 'INHIBIT';

function noun(index: number): Lexeme {
  return {
    index,
    category: 'noun',
    pre: [
      F(D, LEX, SUBJ, 0),
      F(D, LEX, OBJ, 0),
      F(D, LEX, PREP_P, 0),
      F(D, DET, SUBJ, 0),
      F(D, DET, OBJ, 0),
      F(D, DET, PREP_P, 0),
      F(D, ADJ, SUBJ, 0),
      F(D, ADJ, OBJ, 0),
      F(D, ADJ, PREP_P, 0),
      F(D, VERB, OBJ, 0),
      F(D, PREP_P, PREP, 0),
      F(D, PREP_P, SUBJ, 0),
      F(D, PREP_P, OBJ, 0),
    ],
    post: [
      A(I, DET, 0),
      A(I, ADJ, 0),
      A(I, PREP_P, 0),
      A(I, PREP, 0),
      F(I, LEX, SUBJ, 0),
      F(I, LEX, OBJ, 0),
      F(I, LEX, PREP_P, 0),
      F(I, ADJ, SUBJ, 0),
      F(I, ADJ, OBJ, 0),
      F(I, ADJ, PREP_P, 0),
      F(I, DET, SUBJ, 0),
      F(I, DET, OBJ, 0),
      F(I, DET, PREP_P, 0),
      F(I, VERB, OBJ, 0),
      F(I, PREP_P, PREP, 0),
      F(I, PREP_P, VERB, 0),
      F(D, LEX, SUBJ, 1),
      F(D, LEX, OBJ, 1),
      F(D, DET, SUBJ, 1),
      F(D, DET, OBJ, 1),
      F(D, ADJ, SUBJ, 1),
      F(D, ADJ, OBJ, 1),
      F(I, PREP_P, SUBJ, 0),
      F(I, PREP_P, OBJ, 0),
      F(I, VERB, ADJ, 0),
    ],
  };
}

function transVerb(index: number): Lexeme {
  return {
    index,
    category: 'transVerb',
    pre: [F(D, LEX, VERB, 0), F(D, VERB, SUBJ, 0), F(D, VERB, ADVERB, 0), A(D, ADVERB, 1)],
    post: [F(I, LEX, VERB, 0), A(D, OBJ, 0), A(I, SUBJ, 0), A(I, ADVERB, 0), F(D, PREP_P, VERB, 0)],
  };
}

function intransVerb(index: number): Lexeme {
  return {
    index,
    category: 'intransVerb',
    pre: [F(D, LEX, VERB, 0), F(D, VERB, SUBJ, 0), F(D, VERB, ADVERB, 0), A(D, ADVERB, 1)],
    post: [F(I, LEX, VERB, 0), A(I, SUBJ, 0), A(I, ADVERB, 0), F(D, PREP_P, VERB, 0)],
  };
}

function copula(index: number): Lexeme {
  return {
    index,
    category: 'copula',
    pre: [F(D, LEX, VERB, 0), F(D, VERB, SUBJ, 0)],
    post: [F(I, LEX, VERB, 0), A(D, OBJ, 0), A(I, SUBJ, 0), F(D, ADJ, VERB, 0)],
  };
}

function adverb(index: number): Lexeme {
  return { index, category: 'adverb', pre: [A(D, ADVERB, 0), F(D, LEX, ADVERB, 0)], post: [F(I, LEX, ADVERB, 0), A(I, ADVERB, 1)] };
}

function determiner(index: number): Lexeme {
  return { index, category: 'determiner', pre: [A(D, DET, 0), F(D, LEX, DET, 0)], post: [F(I, LEX, DET, 0), F(I, VERB, ADJ, 0)] };
}

function adjective(index: number): Lexeme {
  return { index, category: 'adjective', pre: [A(D, ADJ, 0), F(D, LEX, ADJ, 0)], post: [F(I, LEX, ADJ, 0), F(I, VERB, ADJ, 0)] };
}

function preposition(index: number): Lexeme {
  return {
    index,
    category: 'preposition',
    pre: [A(D, PREP, 0), F(D, LEX, PREP, 0)],
    post: [
      F(I, LEX, PREP, 0),
      A(D, PREP_P, 0),
      F(I, LEX, SUBJ, 1),
      F(I, LEX, OBJ, 1),
      F(I, DET, SUBJ, 1),
      F(I, DET, OBJ, 1),
      F(I, ADJ, SUBJ, 1),
      F(I, ADJ, OBJ, 1),
    ],
  };
}

/** The English lexicon of the reference parser (20 words). */
export const LEXICON: Readonly<Record<string, Lexeme>> = {
  the: determiner(0),
  a: determiner(1),
  dogs: noun(2),
  cats: noun(3),
  mice: noun(4),
  people: noun(5),
  chase: transVerb(6),
  love: transVerb(7),
  bite: transVerb(8),
  of: preposition(9),
  big: adjective(10),
  bad: adjective(11),
  run: intransVerb(12),
  fly: intransVerb(13),
  quickly: adverb(14),
  in: preposition(15),
  are: copula(16),
  man: noun(17),
  woman: noun(18),
  saw: transVerb(19),
};

/** Number of word assemblies in LEX. */
export const LEX_SIZE = 20;

/** Read-out: from each area, the areas whose assemblies are its dependents (in output order). */
export const READOUT_RULES: Readonly<Record<ParserArea, readonly ParserArea[]>> = {
  VERB: [LEX, SUBJ, OBJ, PREP_P, ADVERB, ADJ],
  SUBJ: [LEX, DET, ADJ, PREP_P],
  OBJ: [LEX, DET, ADJ, PREP_P],
  PREP_P: [LEX, PREP, ADJ, DET],
  PREP: [LEX],
  ADJ: [LEX],
  DET: [LEX],
  ADVERB: [LEX],
  LEX: [],
};
