/**
 * Lexicon loader: reads server/moderation-lexicons/<lang>/<category>.yaml, validates each file
 * with zod, expands alternatives/endings/spelling variants, folds every term exactly like
 * comments are folded, and compiles one Aho–Corasick automaton over all of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AhoCorasick } from '../../shared/text/index.js';
import { foldTerm } from './moderation.text.js';
import {
  LEXICON_CATEGORIES,
  LEXICON_ROLES,
  type LexiconCategory,
  type LexiconEntry,
  type LexiconFileInfo,
  type ModerationLang,
} from './moderation.types.js';

/** Default lexicon directory (server/moderation-lexicons). */
export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL('../../../moderation-lexicons/', import.meta.url));

const MAX_VARIANTS = 2000;

const EntrySchema = z.union([
  z.string().min(1),
  z.object({ term: z.string().min(1), strictLang: z.boolean().optional(), note: z.string().optional() }).strict(),
]);

/** Schema of one lexicon YAML file. */
export const LexiconFileSchema = z
  .object({
    lang: z.enum(['sq', 'sr', 'en']),
    category: z.enum(LEXICON_CATEGORIES),
    source: z.string().min(20, 'source: say where the entries come from and who reviewed them'),
    endings: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string())).optional(),
    roles: z.record(z.string(), z.array(EntrySchema).min(1)),
  })
  .strict()
  .superRefine((f, ctx) => {
    const allowed: readonly string[] = LEXICON_ROLES[f.category];
    for (const role of Object.keys(f.roles)) {
      if (!allowed.includes(role))
        ctx.addIssue({
          code: 'custom',
          path: ['roles', role],
          message: `role "${role}" is not allowed in category ${f.category} (allowed: ${allowed.join(', ')})`,
        });
    }
    for (const [role, list] of Object.entries(f.roles)) {
      list.forEach((e, i) => {
        const term = typeof e === 'string' ? e : e.term;
        const set = /~([a-z_]+)$/.exec(term)?.[1];
        if (set && !f.endings?.[set]) ctx.addIssue({ code: 'custom', path: ['roles', role, i], message: `unknown ending set "${set}"` });
        if ((term.match(/\{/g)?.length ?? 0) !== (term.match(/\}/g)?.length ?? 0))
          ctx.addIssue({ code: 'custom', path: ['roles', role, i], message: `unbalanced braces: "${term}"` });
      });
    }
  });
export type LexiconFile = z.infer<typeof LexiconFileSchema>;

/** A loaded, compiled lexicon. */
export interface Lexicon {
  dir: string;
  files: LexiconFileInfo[];
  entries: LexiconEntry[];
  /** Pattern i belongs to entry patternEntry[i]. */
  patternEntry: Int32Array;
  patternStem: Uint8Array;
  /** Words that must follow the key (terms with a stem before their last word), or null. */
  patternRest: (TermWord[] | null)[];
  automaton: AhoCorasick;
  /** Words of insult/slur terms for resolving masked words, by priority. */
  vocabulary: { word: string; stem: boolean }[];
  loadedAt: string;
}

/** Thrown when a lexicon file is missing, malformed or invalid. */
export class LexiconError extends Error {}

function expandBraces(term: string, out: string[]): void {
  const open = term.indexOf('{');
  if (open < 0) {
    out.push(term);
    return;
  }
  const close = term.indexOf('}', open);
  if (close < 0) throw new LexiconError(`unbalanced braces in "${term}"`);
  for (const alt of term.slice(open + 1, close).split('|')) {
    if (out.length > MAX_VARIANTS) throw new LexiconError(`"${term}" expands to more than ${MAX_VARIANTS} variants`);
    expandBraces(term.slice(0, open) + alt + term.slice(close + 1), out);
  }
}

/** Informal spellings people actually type, generated so each word is written once. */
function spellingVariants(v: string, lang: ModerationLang): string[] {
  let out = [v];
  const add = (f: (s: string) => string): void => {
    const more = out.map(f).filter((s) => !out.includes(s));
    out = out.concat(more);
  };
  if (/[đĐ]/.test(v)) add((s) => s.replace(/đ/g, 'd').replace(/Đ/g, 'D'));
  if (/[šŠ]/.test(v)) add((s) => s.replace(/š/g, 'sh'));
  if (lang === 'sq') {
    if (/ç/.test(v)) add((s) => s.replace(/ç/g, 'q'));
    if (/ë(\s|\*|$)/.test(v)) add((s) => s.replace(/ë(?=\s|\*|$)/g, ''));
  }
  return out;
}

/** A word of a compiled term; `stem` = any continuation of the word matches. */
export interface TermWord {
  text: string;
  stem: boolean;
}

/** One compiled pattern: the automaton key (words up to the first stem) and the words to verify after it. */
export interface ExpandedTerm {
  pattern: string;
  stem: boolean;
  rest: TermWord[];
  words: string[];
}

/** Expand one YAML term into folded match patterns (`' word word'` + `' '` unless the key ends in a stem). */
export function expandTerm(raw: string, lang: ModerationLang, endings: Record<string, string[]> = {}): ExpandedTerm[] {
  let term = raw.trim().replace(/\s+\*$/, '');
  const set = /~([a-z_]+)$/.exec(term)?.[1];
  if (set) {
    const ends = endings[set];
    if (!ends) throw new LexiconError(`unknown ending set "${set}" in "${raw}"`);
    term = `${term.slice(0, -(set.length + 1))}{${ends.join('|')}}`;
  }
  const variants: string[] = [];
  expandBraces(term, variants);
  const seen = new Set<string>();
  const out: ExpandedTerm[] = [];
  for (const v0 of variants) {
    for (const v of spellingVariants(v0.replace(/\s+/g, ' ').trim(), lang)) {
      const words: TermWord[] = [];
      for (const w of v.split(' ')) {
        const stem = w.endsWith('*');
        const core = stem ? w.slice(0, -1) : w;
        if (core.includes('*')) throw new LexiconError(`"*" is only allowed at the end of a word: "${raw}"`);
        const parts = foldTerm(core)
          .split(' ')
          .filter((x) => x.length > 0);
        parts.forEach((p, i) => words.push({ text: p, stem: stem && i === parts.length - 1 }));
      }
      if (words.length === 0) continue;
      let k = words.findIndex((w) => w.stem);
      if (k < 0) k = words.length - 1;
      const key = words.slice(0, k + 1);
      const stem = key[key.length - 1]!.stem;
      const pattern = ` ${key.map((w) => w.text).join(' ')}${stem ? '' : ' '}`;
      const rest = words.slice(k + 1);
      const id = pattern + '|' + rest.map((w) => w.text + (w.stem ? '*' : '')).join(' ');
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ pattern, stem, rest, words: words.map((w) => w.text) });
    }
  }
  return out;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

const VOCAB_PRIORITY: Record<string, number> = { curse: 0, profanity: 1, person: 2, slur: 3, animal: 4, evaluative: 5 };

/** Load and compile every lexicon file under `dir`. Throws {@link LexiconError}. */
export function loadLexicon(dir: string = DEFAULT_LEXICON_DIR): Lexicon {
  let paths: string[];
  try {
    paths = listFiles(dir);
  } catch (e) {
    throw new LexiconError(`cannot read lexicon directory ${dir}: ${(e as Error).message}`);
  }
  if (paths.length === 0) throw new LexiconError(`no lexicon files in ${dir}`);
  const entries: LexiconEntry[] = [];
  const files: LexiconFileInfo[] = [];
  const patterns: string[] = [];
  const patternEntry: number[] = [];
  const patternStem: number[] = [];
  const patternRest: (TermWord[] | null)[] = [];
  const vocab = new Map<string, { word: string; stem: boolean; prio: number }>();
  for (const path of paths) {
    const rel = relative(dir, path);
    let data: unknown;
    try {
      data = parseYaml(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new LexiconError(`${rel}: YAML error: ${(e as Error).message}`);
    }
    const parsed = LexiconFileSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new LexiconError(`${rel}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const f = parsed.data;
    const folder = rel.split(/[\\/]/)[0];
    if (folder && folder !== rel && folder !== f.lang)
      throw new LexiconError(`${rel}: lang "${f.lang}" does not match its folder "${folder}"`);
    let nPatterns = 0;
    let nEntries = 0;
    for (const [role, list] of Object.entries(f.roles)) {
      for (const e of list) {
        const term = typeof e === 'string' ? e : e.term;
        const entry: LexiconEntry = {
          id: entries.length,
          lang: f.lang,
          category: f.category as LexiconCategory,
          role,
          term,
          file: rel,
          strictLang: typeof e !== 'string' && e.strictLang === true,
        };
        let expanded;
        try {
          expanded = expandTerm(term, f.lang, f.endings);
        } catch (err) {
          throw new LexiconError(`${rel}: ${(err as Error).message}`);
        }
        if (expanded.length === 0) throw new LexiconError(`${rel}: term "${term}" is empty after folding`);
        entries.push(entry);
        nEntries++;
        for (const x of expanded) {
          patterns.push(x.pattern);
          patternEntry.push(entry.id);
          patternStem.push(x.stem ? 1 : 0);
          patternRest.push(x.rest.length > 0 ? x.rest : null);
          nPatterns++;
          const prio = VOCAB_PRIORITY[role];
          if (prio !== undefined) {
            x.words.forEach((w, wi) => {
              if (w.length < 4 || /[^a-z]/.test(w)) return;
              const stem = wi === x.words.length - 1 && (x.rest.length > 0 ? x.rest[x.rest.length - 1]!.stem : x.stem);
              const key = `${w}${stem ? '*' : ''}`;
              const prev = vocab.get(key);
              if (!prev || prev.prio > prio) vocab.set(key, { word: w, stem, prio });
            });
          }
        }
      }
    }
    files.push({
      file: rel,
      lang: f.lang,
      category: f.category as LexiconCategory,
      source: f.source.trim(),
      entries: nEntries,
      patterns: nPatterns,
    });
  }
  const vocabulary = [...vocab.values()]
    .sort((a, b) => a.prio - b.prio || b.word.length - a.word.length)
    .map(({ word, stem }) => ({ word, stem }));
  return {
    dir,
    files,
    entries,
    patternEntry: Int32Array.from(patternEntry),
    patternStem: Uint8Array.from(patternStem),
    patternRest,
    automaton: new AhoCorasick(patterns),
    vocabulary,
    loadedAt: new Date().toISOString(),
  };
}

/**
 * Resolve a masked word (`*` = one hidden letter, e.g. `k**va`, `p*dhi`) against the lexicon's
 * vocabulary; returns the first (highest-priority) word it can stand for, or null.
 */
export function resolveMasked(lex: Lexicon, masked: string): string | null {
  const n = masked.length;
  const fixed = n - (masked.match(/\*/g)?.length ?? 0);
  if (fixed < 1 || n < 3) return null;
  for (const v of lex.vocabulary) {
    const w = v.word;
    if (v.stem ? n < w.length : n !== w.length) continue;
    let ok = true;
    for (let i = 0; i < w.length; i++) {
      const c = masked.charCodeAt(i);
      if (c !== 42 && c !== w.charCodeAt(i)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (v.stem && masked.slice(w.length).includes('*')) continue;
    // a single visible letter is not enough evidence for a long word ("f***" → fuck is fine, "a*****" is not)
    if (fixed === 1 && n > 4) continue;
    return v.stem ? w + masked.slice(w.length) : w;
  }
  return null;
}
