/**
 * Learned recall booster (plain TypeScript, no packages): one logistic-regression model per article
 * over the folded text's word unigrams, bigrams and 5-letter prefixes (Albanian/Serbian inflection)
 * plus "list L matched" features from the pack's lexicons. Weights are a JSON file produced by
 * `server/scripts/train-policy-model.ts` from the labelled posts. The engine consults it only for
 * articles the rules did not flag, and only above a high per-article threshold; the finding covers
 * the feature that contributed most (`ruleId: model.<article>`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { toOriginalRange } from '../../shared/text/index.js';
import type { CheckContext } from './detectors/index.js';

/** One article's model. */
export interface ArticleModel {
  bias: number;
  /** Probability at or above which the booster adds a finding. */
  threshold: number;
  /** The most indicative text feature must weigh at least this much (no finding from diffuse evidence alone). */
  minEvidence?: number;
  weights: Record<string, number>;
}

/** The stored model file. */
export interface PolicyModel {
  version: 1;
  trainedOn: string[];
  articles: Record<string, ArticleModel>;
}

/** A feature present in a text, with the original span it came from (null for list-hit features). */
export interface ModelFeature {
  name: string;
  start: number;
  end: number;
}

const PREFIX_LEN = 5;

/** Features of one text (deduplicated by name; the first occurrence's span is kept). */
export function modelFeatures(ctx: CheckContext, listNames: readonly string[]): ModelFeature[] {
  const seen = new Map<string, ModelFeature>();
  const add = (name: string, start: number, end: number): void => {
    if (!seen.has(name)) seen.set(name, { name, start, end });
  };
  const { tokens, base } = ctx;
  const n = Math.min(tokens.count, 2000);
  let prev: { tok: string; s: number } | null = null;
  for (let i = 0; i < n; i++) {
    const s = tokens.starts[i]!;
    const e = tokens.ends[i]!;
    const tok = base.text.slice(s, e);
    const isNum = /^\d+$/.test(tok);
    const t = isNum ? '#' : tok;
    const r = toOriginalRange(base, s, e);
    add(`u:${t}`, r.start, r.end);
    if (!isNum && t.length > PREFIX_LEN) add(`p:${t.slice(0, PREFIX_LEN)}`, r.start, r.end);
    if (prev) {
      const rb = toOriginalRange(base, prev.s, e);
      add(`b:${prev.tok}_${t}`, rb.start, rb.end);
    }
    prev = { tok: t, s };
  }
  for (const l of listNames) {
    const m = ctx.matches(l);
    if (m.length > 0) add(`L:${l}`, m[0]!.start, m[0]!.end);
  }
  return [...seen.values()];
}

/** Probability of the article and the most indicative feature. */
export function scoreArticle(m: ArticleModel, feats: readonly ModelFeature[]): { p: number; top: ModelFeature | null; topWeight: number } {
  let z = m.bias;
  let top: ModelFeature | null = null;
  let topW = 0;
  for (const f of feats) {
    const w = m.weights[f.name];
    if (w === undefined) continue;
    z += w;
    // the span shown is a text feature (not a list hit, which may point elsewhere); a one- or two-letter word
    // ("to", "ka", "i", "da") is a function word and never the evidence (round 8: "pleaded not guilty to" → 4.3)
    if (w > topW && !f.name.startsWith('L:') && !f.name.endsWith(':#') && !(f.name.startsWith('u:') && f.name.length <= 4)) {
      topW = w;
      top = f;
    }
  }
  return { p: 1 / (1 + Math.exp(-z)), top, topWeight: topW };
}

const cache = new Map<string, PolicyModel | null>();

/** Load a model file (cached per path); a missing or malformed file → null (the booster is off). */
export function loadPolicyModel(path: string): PolicyModel | null {
  if (cache.has(path)) return cache.get(path)!;
  let model: PolicyModel | null = null;
  try {
    if (existsSync(path)) {
      const raw = JSON.parse(readFileSync(path, 'utf8')) as PolicyModel;
      if (raw && raw.version === 1 && raw.articles && typeof raw.articles === 'object') model = raw;
    }
  } catch {
    model = null;
  }
  cache.set(path, model);
  return model;
}

/** Forget cached models (after retraining or a pack reload). */
export function clearModelCache(): void {
  cache.clear();
}
