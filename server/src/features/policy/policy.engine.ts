/**
 * The policy engine: checkText (one variant) and checkDraft (all variants + art. 3.11),
 * plus the pack in force (loaded lazily from the default folder, reloadable, last good kept).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckContext, type Span } from './detectors/index.js';
import { mergeSpans } from './detectors/detector.types.js';
import { checkLanguages } from './detectors/language.detector.js';
import { loadPack, PolicyPackError, type CompiledRule, type PolicyPack } from './policy.pack.js';
import { resolveMessage } from './policy.messages.js';
import { loadPolicyModel, modelFeatures, scoreArticle, type ModelFeature, type PolicyModel } from './policy.model.js';
import type { CheckOptions, Draft, Finding, Lang, UiLang } from './policy.types.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** server/policy-packs/kosovo, or COURTDESK_POLICY_PACK. */
export const DEFAULT_PACK_DIR = process.env.COURTDESK_POLICY_PACK ?? resolve(HERE, '../../../policy-packs/kosovo');

/** Texts longer than this are checked in their first MAX_TEXT characters only (bounded time). */
export const MAX_TEXT = 1_200_000;
const MAX_FINDINGS_PER_RULE = 50;
const MAX_EXCERPT = 200;

let active: PolicyPack | null = null;
let activeDir = DEFAULT_PACK_DIR;

/** The pack in force (loads the default pack on first use). */
export function getActivePack(): PolicyPack {
  if (!active) active = loadPack(activeDir);
  return active;
}

/**
 * Reload the pack from `dir` (default: the folder of the pack in force). A broken pack is
 * refused and the last good pack stays in force.
 */
export function reloadPack(dir?: string): { ok: true } | { ok: false; error: string } {
  const target = dir ?? active?.dir ?? activeDir;
  try {
    const next = loadPack(target);
    active = next;
    activeDir = target;
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof PolicyPackError ? e.message : `unexpected error: ${(e as Error).message}` };
  }
}

const UNAVAILABLE: Record<UiLang, { message: string; suggestion: string }> = {
  sq: {
    message: 'Paketa e rregullave nuk mund të ngarkohet, prandaj ky tekst nuk u kontrollua (dështim i mbyllur).',
    suggestion: 'Administratori duhet ta rregullojë paketën e rregullave; deri atëherë asgjë nuk publikohet pa kontroll.',
  },
  sr: {
    message: 'Paket pravila ne može da se učita, pa ovaj tekst nije proveren (zatvoren neuspeh).',
    suggestion: 'Administrator treba da ispravi paket pravila; do tada se ništa ne objavljuje bez provere.',
  },
  en: {
    message: 'The policy pack cannot be loaded, so this text was not checked (fail closed).',
    suggestion: 'An administrator must fix the policy pack; until then nothing is published unchecked.',
  },
};

/** What a check answers when no pack is in force: one blocking finding, never a silent "nothing found". */
function unavailable(opts: { uiLang?: UiLang; variant?: string }): Finding {
  const msg = UNAVAILABLE[opts.uiLang ?? 'en'] ?? UNAVAILABLE.en;
  return {
    article: 'pack',
    ruleId: 'policy.unavailable',
    severity: 'block',
    variant: opts.variant ?? null,
    start: 0,
    end: 0,
    excerpt: '',
    message: msg.message,
    suggestion: msg.suggestion,
  };
}

function excerpt(text: string, s: Span): string {
  const raw = text.slice(s.start, s.end);
  return raw.length > MAX_EXCERPT ? `${raw.slice(0, MAX_EXCERPT - 1)}…` : raw;
}

function ruleApplies(rule: CompiledRule, lang: Lang | undefined, opts: CheckOptions): boolean {
  if (rule.kind === 'language') return false;
  if (lang && !rule.languages.includes(lang)) return false;
  if (rule.liftedBy && opts.permissions?.[rule.liftedBy] === true) return false;
  return true;
}

/** The learned booster's file inside a pack folder (absent → the booster is off). */
export const MODEL_FILE = 'model/policy-model.json';
/** Message key of each article the booster may add. */
const MODEL_MESSAGE: Record<string, string> = {
  '4.1': 'opinion.personal',
  '4.2': 'independence.deference',
  '4.3': 'pending.comment',
  '4.4a': 'party.support',
  '4.4b': 'petition.support',
  '4.4c': 'decision.comment',
  '4.5': 'personal.sensitive',
  '4.6': 'advertising.other',
  '4.8': 'security.risk',
};
let modelOverride: PolicyModel | null | undefined;

/** Use this model instead of the pack's file (null = booster off; undefined = back to the pack's file). For tools and tests. */
export function setPolicyModel(model: PolicyModel | null | undefined): void {
  modelOverride = model;
}

function activeModel(pack: PolicyPack): PolicyModel | null {
  if (modelOverride !== undefined) return modelOverride;
  if (process.env.COURTDESK_POLICY_BOOSTER === 'off') return null;
  return loadPolicyModel(join(pack.dir, MODEL_FILE));
}

/** The booster's features of a text under the pack in force (used by the training script). */
export function textFeatures(text: string, opts: CheckOptions & { lang?: Lang } = {}): ModelFeature[] {
  const pack = getActivePack();
  const src = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const ctx = new CheckContext(src, opts, pack.compiled.lists, pack.compiled.virtuals, pack.compiled.union);
  return modelFeatures(ctx, [...pack.compiled.lists.keys()]);
}

/** Replace lone surrogates so excerpts are valid UTF-16 (offsets are unchanged). */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Check one text against the pack in force. Never throws; empty text → [].
 * Offsets are UTF-16 offsets into `text`.
 */
export function checkText(text: string, opts: CheckOptions & { lang?: Lang; variant?: string } = {}): Finding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  let pack: PolicyPack;
  try {
    pack = getActivePack();
  } catch {
    return [unavailable(opts)];
  }
  const src = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const ui: UiLang = opts.uiLang ?? 'en';
  const ctx = new CheckContext(src, opts, pack.compiled.lists, pack.compiled.virtuals, pack.compiled.union);
  const shown = wellFormed(src);
  const out: Finding[] = [];
  for (const rule of pack.compiled.rules) {
    if (!ruleApplies(rule, opts.lang, opts)) continue;
    let spans: Span[];
    try {
      spans = mergeSpans(rule.detector.run(ctx), ctx);
    } catch {
      continue; // a detector bug must not take the whole check down
    }
    const msg = resolveMessage(rule.message, ui);
    for (const s of spans.slice(0, MAX_FINDINGS_PER_RULE)) {
      out.push({
        article: rule.article,
        ruleId: rule.id,
        severity: rule.severity,
        variant: opts.variant ?? null,
        start: s.start,
        end: s.end,
        excerpt: excerpt(shown, s),
        message: msg.message,
        suggestion: msg.suggestion,
      });
    }
  }
  const model = activeModel(pack);
  if (model && !(opts.lang && opts.lang !== 'sq' && opts.lang !== 'sr' && opts.lang !== 'en')) {
    try {
      const flagged = new Set(out.map((f) => f.article));
      let feats: ModelFeature[] | null = null;
      for (const [article, m] of Object.entries(model.articles)) {
        const key = MODEL_MESSAGE[article];
        if (!key || flagged.has(article)) continue;
        if (article === '4.4c' && opts.permissions?.decisionComment === true) continue;
        feats ??= modelFeatures(ctx, [...pack.compiled.lists.keys()]);
        const { p, top, topWeight } = scoreArticle(m, feats);
        if (p < m.threshold || !top || topWeight < (m.minEvidence ?? 0)) continue;
        const msg = resolveMessage(key, ui);
        const s = { start: top.start, end: top.end, t0: 0, t1: 0, source: `model:${top.name}` };
        out.push({
          article,
          ruleId: `model.${article}`,
          severity: 'warn',
          variant: opts.variant ?? null,
          start: s.start,
          end: s.end,
          excerpt: excerpt(shown, s),
          message: msg.message,
          suggestion: msg.suggestion,
        });
      }
    } catch {
      // the booster must never break a check
    }
  }
  return (opts.everyRule ? out : withoutRepeats(out)).sort((a, b) => a.start - b.start || a.article.localeCompare(b.article));
}

const SEVERITY_RANK: Record<string, number> = { block: 2, warn: 1 };

/**
 * One finding per fault: when two rules of the same article flag the same words (or one span inside
 * another), the officer sees the stronger one — the higher severity, then the wider span, then the first.
 */
export function withoutRepeats(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const rank = (f: Finding) => SEVERITY_RANK[f.severity] ?? 0;
  return findings.filter(
    (f, i) =>
      !findings.some((g, j) => {
        if (j === i || g.article !== f.article || g.variant !== f.variant || g.start > f.start || g.end < f.end) return false;
        if (rank(g) !== rank(f)) return rank(g) > rank(f);
        const wg = g.end - g.start;
        const wf = f.end - f.start;
        return wg > wf || (wg === wf && j < i);
      }),
  );
}

/** Check every variant of a draft, plus the draft-level rules (art. 3.11 multilingualism). */
export function checkDraft(draft: Draft, opts: CheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  const variants = Array.isArray(draft?.variants) ? draft.variants : [];
  for (const v of variants) {
    if (!v || typeof v.text !== 'string') continue;
    out.push(...checkText(v.text, { ...opts, lang: v.lang, variant: v.lang }));
  }
  let pack: PolicyPack;
  try {
    pack = getActivePack();
  } catch {
    return out.some((f) => f.ruleId === 'policy.unavailable') ? out : [...out, unavailable(opts)];
  }
  const ui: UiLang = opts.uiLang ?? 'en';
  const safeDraft: Draft = {
    variants: variants.filter((v) => v && typeof v.text === 'string'),
    requiredLanguages: Array.isArray(draft?.requiredLanguages) ? draft.requiredLanguages : pack.requiredLanguages,
  };
  for (const rule of pack.compiled.rules) {
    if (rule.kind !== 'language' || !rule.draftParams) continue;
    const msg = resolveMessage(rule.message, ui);
    for (const issue of checkLanguages(safeDraft, rule.draftParams)) {
      const text = issue.variantIndex === null ? '' : safeDraft.variants[issue.variantIndex]!.text;
      out.push({
        article: rule.article,
        ruleId: rule.id,
        severity: rule.severity,
        variant: issue.lang,
        start: 0,
        end: text.length,
        excerpt: wellFormed(text.slice(0, MAX_EXCERPT)),
        message: msg.message,
        suggestion: msg.suggestion,
      });
    }
  }
  return out;
}

/** Exists for tooling: is there a pack in `dir`? */
export function isPackDir(dir: string): boolean {
  return existsSync(join(dir, 'pack.yaml'));
}
