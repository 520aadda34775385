import type { SeedOrRng } from '@neurite/tensor';
import { Brain, type TailSampler } from './brain.js';
import { AssemblyError } from './assembly-error.js';
import {
  INITIAL_AREAS,
  LEX,
  LEX_SIZE,
  LEXICON,
  PARSER_AREAS,
  READOUT_RULES,
  RECURRENT_AREAS,
  VERB,
  DET,
  type Lexeme,
  type ParserArea,
  type ParserRule,
} from './parser-rules.js';

/** Options of {@link AssemblyParser} and {@link parseSentence}. */
export interface ParserOptions {
  /** Synapse probability (default 0.1, as the reference parse()). */
  p?: number;
  /** Neurons per word assembly in LEX (default 20); LEX has 20 words × lexK neurons. */
  lexK?: number;
  /** n and k of the other areas (default 10000, 100; DET uses k = lexK). */
  nonLexN?: number;
  /** k of the non-LEX areas (default 100). */
  nonLexK?: number;
  /** Plasticities (defaults 0.2, 1.0, 0.05, 0.5 as the reference EnglishParserBrain). */
  defaultBeta?: number;
  /** Plasticity of LEX (default 1.0). */
  lexBeta?: number;
  /** Plasticity of an area's recurrent synapses (default 0.05). */
  recurrentBeta?: number;
  /** Plasticity of synapses between areas (default 0.5). */
  interareaBeta?: number;
  /** Projection rounds per word (default 20). */
  projectRounds?: number;
  /** Overlap with a word's LEX assembly needed to read it out (default 0.7). */
  minOverlap?: number;
  /** Seed of the brain's generator, or a generator (default 0). */
  seed?: SeedOrRng;
  /** How the lazy areas draw new winners (BrainOptions.sampler). */
  sampler?: TailSampler;
}

/** One dependency read out of the brain: `head -relation-> dependent`. */
export interface Dependency {
  /** The head word. */
  head: string;
  /** The relation: the area through which the dependent was read out (SUBJ, OBJ, DET, ADJ, ADVERB, PREP, PREP_P). */
  relation: ParserArea;
  /** The dependent word. */
  dependent: string;
}

/** What {@link AssemblyParser.parse} returns. */
export interface ParseResult {
  /** The sentence as given. */
  sentence: string;
  /** Its dependencies, in the order they were read out. */
  dependencies: Dependency[];
}

const NON_WORD = '<NON-WORD>';

/**
 * The assembly parser: a brain with an explicit lexicon area LEX (one fixed
 * assembly per word) and lazy areas DET, SUBJ, OBJ, VERB, ADJ, ADVERB, PREP,
 * PREP_P. For each word, its LEX assembly fires, its pre-rules disinhibit areas
 * and fibres, every disinhibited fibre between disinhibited areas projects for
 * `projectRounds` rounds (areas not reached from LEX keep their assembly fixed,
 * the others are erased and re-formed), and its post-rules inhibit them again.
 * The parse is read out by firing VERB's assembly into the areas its fibres
 * reached, and each of those back into LEX, recursively.
 */
export class AssemblyParser {
  /** The brain the parser runs: LEX explicit, the other areas lazy (read it for supports and winners). */
  readonly brain: Brain;
  private readonly o: Required<Omit<ParserOptions, 'sampler' | 'seed'>>;
  private readonly areaState = new Map<ParserArea, Set<number>>();
  private readonly fiberState = new Map<string, Set<number>>();
  private readonly activatedFibers = new Map<ParserArea, Set<ParserArea>>();

  constructor(opts: ParserOptions = {}) {
    this.o = {
      p: opts.p ?? 0.1,
      lexK: opts.lexK ?? 20,
      nonLexN: opts.nonLexN ?? 10000,
      nonLexK: opts.nonLexK ?? 100,
      defaultBeta: opts.defaultBeta ?? 0.2,
      lexBeta: opts.lexBeta ?? 1.0,
      recurrentBeta: opts.recurrentBeta ?? 0.05,
      interareaBeta: opts.interareaBeta ?? 0.5,
      projectRounds: opts.projectRounds ?? 20,
      minOverlap: opts.minOverlap ?? 0.7,
    };
    const o = this.o;
    const b = (this.brain = new Brain(o.p, opts.seed ?? 0, { sampler: opts.sampler }));
    b.addExplicitArea(LEX, LEX_SIZE * o.lexK, o.lexK, o.defaultBeta);
    for (const a of PARSER_AREAS) {
      if (a === LEX) continue;
      b.addArea(a, o.nonLexN, a === DET ? o.lexK : o.nonLexK, o.defaultBeta);
    }
    for (const a of RECURRENT_AREAS) {
      b.updatePlasticity(a, LEX, o.lexBeta);
      b.updatePlasticity(LEX, a, o.lexBeta);
      b.updatePlasticity(a, a, o.recurrentBeta);
      for (const other of RECURRENT_AREAS) if (other !== a) b.updatePlasticity(other, a, o.interareaBeta);
    }
    for (const a of PARSER_AREAS) this.areaState.set(a, new Set(INITIAL_AREAS.includes(a) ? [] : [0]));
    for (const a1 of PARSER_AREAS) for (const a2 of PARSER_AREAS) this.fiberState.set(a1 + '|' + a2, new Set([0]));
  }

  /** Parses a sentence of words from the lexicon; returns its dependencies. */
  parse(sentence: string): ParseResult {
    if (typeof sentence !== 'string') throw new AssemblyError('sentence', `parse: sentence must be a string, got ${typeof sentence}`);
    const words = sentence
      .trim()
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length > 0);
    if (words.length === 0) throw new AssemblyError('sentence', 'parse: sentence is empty');
    const lexemes: Lexeme[] = words.map((w) => {
      const l = Object.prototype.hasOwnProperty.call(LEXICON, w) ? LEXICON[w] : undefined;
      if (!l) throw new AssemblyError('sentence', `parse: unknown word "${w}" (known: ${Object.keys(LEXICON).join(', ')})`);
      return l;
    });
    const b = this.brain;
    for (const lexeme of lexemes) {
      b.activate(LEX, lexeme.index);
      for (const r of lexeme.pre) this.apply(r);
      let map = this.projectMap();
      for (const area of map.keys()) {
        if (!map.get(LEX)?.has(area)) b.fixAssembly(area);
        else if (area !== LEX) b.clearWinners(area);
      }
      for (let i = 0; i < this.o.projectRounds; i++) {
        map = this.projectMap();
        for (const [from, tos] of map) {
          let s = this.activatedFibers.get(from);
          if (!s) this.activatedFibers.set(from, (s = new Set()));
          for (const t of tos) s.add(t);
        }
        b.project({}, Object.fromEntries([...map].map(([k, v]) => [k, [...v]])));
      }
      for (const r of lexeme.post) this.apply(r);
    }
    return { sentence: words.join(' '), dependencies: this.readout() };
  }

  private apply(r: ParserRule): void {
    if (r.kind === 'area') {
      const s = this.areaState.get(r.area)!;
      if (r.action === 'INHIBIT') s.add(r.index);
      else s.delete(r.index);
    } else {
      for (const key of [r.area1 + '|' + r.area2, r.area2 + '|' + r.area1]) {
        const s = this.fiberState.get(key)!;
        if (r.action === 'INHIBIT') s.add(r.index);
        else s.delete(r.index);
      }
    }
  }

  /** Fibres that fire this round: between disinhibited areas over disinhibited fibres, from areas with an assembly. */
  private projectMap(): Map<ParserArea, Set<ParserArea>> {
    const b = this.brain;
    const map = new Map<ParserArea, Set<ParserArea>>();
    const add = (from: ParserArea, to: ParserArea) => {
      let s = map.get(from);
      if (!s) map.set(from, (s = new Set()));
      s.add(to);
    };
    for (const a1 of PARSER_AREAS) {
      if (this.areaState.get(a1)!.size !== 0) continue;
      for (const a2 of PARSER_AREAS) {
        if (a1 === LEX && a2 === LEX) continue;
        if (this.areaState.get(a2)!.size !== 0 || this.fiberState.get(a1 + '|' + a2)!.size !== 0) continue;
        if (b.winners(a1).length > 0) add(a1, a2);
        if (b.winners(a2).length > 0) add(a2, a2);
      }
    }
    const lex = map.get(LEX);
    if (lex && lex.size > 2)
      throw new AssemblyError('rules', `parser rules let LEX project into several areas at once: ${[...lex].join(', ')}`, {
        code: 'ERR_STATE',
      });
    return map;
  }

  private wordInLex(): string {
    const b = this.brain;
    const win = b.winners(LEX);
    const k = this.o.lexK;
    const threshold = this.o.minOverlap * k;
    for (const [word, lex] of Object.entries(LEXICON)) {
      let c = 0;
      for (const i of win) if (i >= lex.index * k && i < lex.index * k + k) c++;
      if (c >= threshold) return word;
    }
    return NON_WORD;
  }

  private readout(): Dependency[] {
    const b = this.brain;
    b.plasticity = false;
    for (const a of PARSER_AREAS) b.unfixAssembly(a);
    if (b.winners(VERB).length === 0)
      throw new AssemblyError('sentence', 'parse: cannot read out the parse: the sentence has no verb (VERB has no assembly)');
    const deps: Dependency[] = [];
    const fibers = (from: ParserArea): ParserArea[] => READOUT_RULES[from].filter((to) => this.activatedFibers.get(from)?.has(to));
    const visit = (area: ParserArea): void => {
      const tos = fibers(area);
      if (tos.length === 0) return;
      b.project({}, { [area]: tos });
      const head = this.wordInLex();
      for (const to of tos) {
        if (to === LEX) continue;
        b.project({}, { [to]: [LEX] });
        deps.push({ head, relation: to, dependent: this.wordInLex() });
      }
      for (const to of tos) if (to !== LEX) visit(to);
    };
    visit(VERB);
    b.plasticity = true;
    return deps;
  }
}

/** Parses `sentence` with a fresh parser brain (see {@link AssemblyParser}). */
export function parseSentence(sentence: string, opts: ParserOptions = {}): ParseResult {
  return new AssemblyParser(opts).parse(sentence);
}

/** `head -REL-> dependent`, one per line. */
export function formatDependencies(deps: readonly Dependency[]): string {
  return deps.map((d) => `${d.head} -${d.relation}-> ${d.dependent}`).join('\n');
}
