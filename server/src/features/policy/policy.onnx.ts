/**
 * Optional learned classifier for the semantic articles (4.1, 4.2, 4.3, 4.4c), run through
 * onnxruntime-node. OFF by default: enabled by passing a classifier, or by the environment
 * (COURTDESK_POLICY_MODEL = path to a .onnx file, COURTDESK_POLICY_VOCAB = vocabulary file).
 *
 * Model contract: input float32 [1, V] = bag of words over the vocabulary (folded tokens, counts),
 * output float32 [1, A] = one probability per article, in the order of `articles`.
 * onnxruntime-node is imported dynamically, so the engine works when the package is absent.
 */
import { readFileSync } from 'node:fs';
import { fold, tokenize, tokenStrings } from '../../shared/text/index.js';
import { checkText } from './policy.engine.js';
import { resolveMessage } from './policy.messages.js';
import type { CheckOptions, Finding, Lang, UiLang } from './policy.types.js';

/** A classifier that scores a text per article. */
export interface LearnedClassifier {
  classify(text: string): Promise<{ article: string; score: number }[]>;
}

/** Configuration of {@link loadOnnxClassifier}. */
export interface OnnxClassifierConfig {
  modelPath: string;
  /** Vocabulary: array of tokens, or a path to a file (JSON array, or one token per line). */
  vocabulary: readonly string[] | string;
  /** Articles of the output columns. Default ['4.1', '4.2', '4.3', '4.4c']. */
  articles?: readonly string[];
}

/** Articles the model may add (semantic ones only; identifiers and links stay rule-based). */
export const MODEL_ARTICLES = ['4.1', '4.2', '4.3', '4.4c'] as const;

const MESSAGE_OF: Record<string, string> = {
  '4.1': 'opinion.personal',
  '4.2': 'independence.deference',
  '4.3': 'pending.comment',
  '4.4c': 'decision.comment',
};

function readVocabulary(v: readonly string[] | string): string[] {
  if (typeof v !== 'string') return [...v];
  const text = readFileSync(v, 'utf8');
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[];
  return trimmed
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Bag-of-words features over the folded tokens of `text` (exported for tests and tooling). */
export function bagOfWords(text: string, index: ReadonlyMap<string, number>, size: number): Float32Array {
  const x = new Float32Array(size);
  for (const t of tokenStrings(tokenize(fold(text)))) {
    const i = index.get(t);
    if (i !== undefined) x[i]! += 1;
  }
  return x;
}

interface OrtModule {
  InferenceSession: { create(path: string | Uint8Array): Promise<OrtSession> };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => unknown;
}
interface OrtSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: ArrayLike<number> }>>;
}

/** Import onnxruntime-node if installed, else null (it is an optional dependency). */
export async function importOnnxRuntime(): Promise<OrtModule | null> {
  try {
    const name = 'onnxruntime-node';
    const mod = (await import(name)) as OrtModule & { default?: OrtModule };
    return mod.InferenceSession ? mod : (mod.default ?? null);
  } catch {
    return null;
  }
}

/**
 * Load an ONNX bag-of-words classifier. Returns null when onnxruntime-node is not installed;
 * throws when the model or vocabulary cannot be read.
 */
export async function loadOnnxClassifier(cfg: OnnxClassifierConfig): Promise<LearnedClassifier | null> {
  const ort = await importOnnxRuntime();
  if (!ort) return null;
  const vocab = readVocabulary(cfg.vocabulary);
  const index = new Map(vocab.map((w, i) => [fold(w), i] as const));
  const articles = cfg.articles ?? MODEL_ARTICLES;
  const session = await ort.InferenceSession.create(cfg.modelPath);
  return {
    async classify(text: string) {
      const x = bagOfWords(text, index, vocab.length);
      const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', x, [1, vocab.length]) });
      const data = out[session.outputNames[0]!]!.data;
      return articles.map((article, i) => ({ article, score: Number(data[i] ?? 0) }));
    },
  };
}

let envClassifier: Promise<LearnedClassifier | null> | null = null;

/** The classifier configured by the environment, or null (the default: off). */
export function classifierFromEnv(): Promise<LearnedClassifier | null> {
  if (!envClassifier) {
    const model = process.env.COURTDESK_POLICY_MODEL;
    const vocab = process.env.COURTDESK_POLICY_VOCAB;
    envClassifier = model && vocab ? loadOnnxClassifier({ modelPath: model, vocabulary: vocab }).catch(() => null) : Promise.resolve(null);
  }
  return envClassifier;
}

/**
 * checkText plus the learned classifier: for 4.1, 4.2, 4.3 and 4.4c, a score ≥ threshold
 * (default 0.5) adds a `warn` finding over the whole text when the rules found nothing for that
 * article. Without a classifier (none passed, none configured) it returns checkText's findings.
 */
export async function checkTextWithModel(
  text: string,
  opts: CheckOptions & { lang?: Lang; variant?: string; classifier?: LearnedClassifier | null; threshold?: number } = {},
): Promise<Finding[]> {
  const { classifier: given, threshold = 0.5, ...rest } = opts;
  const findings = checkText(text, rest);
  if (typeof text !== 'string' || text.trim().length === 0) return findings;
  const classifier = given === undefined ? await classifierFromEnv() : given;
  if (!classifier) return findings;
  let scores: { article: string; score: number }[];
  try {
    scores = await classifier.classify(text);
  } catch {
    return findings; // a model failure never blocks the rule-based check
  }
  const have = new Set(findings.map((f) => f.article));
  const ui: UiLang = rest.uiLang ?? 'en';
  for (const { article, score } of scores) {
    if (!(MODEL_ARTICLES as readonly string[]).includes(article) || score < threshold || have.has(article)) continue;
    if (article === '4.4c' && rest.permissions?.decisionComment) continue;
    const msg = resolveMessage(MESSAGE_OF[article]!, ui);
    findings.push({
      article,
      ruleId: `model.${article}`,
      severity: 'warn',
      variant: rest.variant ?? null,
      start: 0,
      end: text.length,
      excerpt: text.length > 200 ? `${text.slice(0, 199)}…` : text,
      message: msg.message,
      suggestion: msg.suggestion,
    });
  }
  return findings;
}
