/**
 * Policy pack loader: reads `pack.yaml` + `lists/*.yaml` from a folder, validates them with zod,
 * and compiles everything once (one Aho–Corasick automaton per list, regexes, detectors).
 * Any problem — YAML or schema error, unknown detector kind, bad params, malformed regex,
 * unknown list or message key, duplicate id — throws a PolicyPackError naming the file and rule.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { compileTerms, fold } from '../../shared/text/index.js';
import type { CompiledList, Detector, UnionMatcher, VirtualList } from './detectors/index.js';
import { DETECTOR_KINDS } from './detectors/index.js';
import type { LanguageParams } from './detectors/language.detector.js';
import { caseNumberList, givenNameList, pendingCaseList, personNameList, secretValueList, urlList } from './detectors/virtual.js';
import { MESSAGES } from './policy.messages.js';
import type { Lang, Severity } from './policy.types.js';

/** A pack that cannot be used. The message says where and why. */
export class PolicyPackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyPackError';
  }
}

const LANGS = ['sq', 'sr', 'en', 'tr', 'bs'] as const;

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'rule ids are lower-case words joined by . _ -'),
  article: z.string().regex(/^\d+\.\d+[a-z]?$/, 'an article looks like "4.4a"'),
  severity: z.enum(['block', 'warn']),
  languages: z
    .array(z.enum(LANGS))
    .min(1)
    .default([...LANGS]),
  description: z.string().optional(),
  detector: z.looseObject({ kind: z.string() }),
  message: z.string(),
  /** Lifted when CheckOptions.permissions[permission] is true (e.g. decisionComment for 4.4c). */
  liftedBy: z.enum(['decisionComment']).optional(),
});

const packSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().min(1),
  jurisdiction: z.string().min(1),
  description: z.string().optional(),
  manual: z.string().optional(),
  requiredLanguages: z.array(z.enum(LANGS)).default(['sq', 'sr']),
  official: z
    .strictObject({ domains: z.array(z.string()).default([]), phones: z.array(z.string()).default([]) })
    .default({ domains: [], phones: [] }),
  caseNumberPrefixes: z.string().optional(),
  personNameStopwords: z.string().optional(),
  rules: z.array(ruleSchema).min(1),
});

const termSchema = z.union([
  z.string().min(1),
  z.strictObject({ term: z.string().min(1), upper: z.boolean().optional(), capital: z.boolean().optional() }),
]);
const listSchema = z.strictObject({
  description: z.string().optional(),
  language: z.string().optional(),
  aggressive: z.boolean().default(false),
  case: z.enum(['upper', 'capital']).optional(),
  terms: z.array(termSchema).min(1),
});
const listFileSchema = z.strictObject({
  source: z.string().min(3, 'every list file needs a source: note'),
  lists: z.record(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/), listSchema),
});

/** What the admin UI shows about a rule. */
export interface RuleInfo {
  id: string;
  article: string;
  severity: Severity;
  languages: Lang[];
  kind: string;
  message: string;
  description?: string;
  liftedBy?: 'decisionComment';
}

/** A compiled rule (internal). */
export interface CompiledRule extends RuleInfo {
  detector: Detector;
  /** Params of a draft-level `language` rule. */
  draftParams?: LanguageParams;
}

/** A loaded, validated and compiled policy pack. */
export interface PolicyPack {
  id: string;
  version: string;
  jurisdiction: string;
  description?: string;
  requiredLanguages: Lang[];
  dir: string;
  loadedAt: string;
  rules: RuleInfo[];
  lists: { name: string; file: string; source: string; terms: number }[];
  /** Compiled internals used by the engine. */
  readonly compiled: {
    rules: CompiledRule[];
    lists: ReadonlyMap<string, CompiledList>;
    virtuals: ReadonlyMap<string, VirtualList>;
    union: UnionMatcher;
  };
}

function fmtZod(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PolicyPackError(`${file}: cannot read (${(e as Error).message})`);
  }
  try {
    return parseYaml(text);
  } catch (e) {
    throw new PolicyPackError(`${file}: invalid YAML (${(e as Error).message.split('\n')[0]})`);
  }
}

/**
 * Load, validate and compile the pack in `dir`. Throws PolicyPackError on any problem.
 * @param dir folder holding pack.yaml and lists/*.yaml
 */
export function loadPack(dir: string): PolicyPack {
  const root = resolve(dir);
  const packFile = join(root, 'pack.yaml');
  const parsed = packSchema.safeParse(readYaml(packFile));
  if (!parsed.success) throw new PolicyPackError(`${packFile}: ${fmtZod(parsed.error)}`);
  const pack = parsed.data;

  // lists
  const listsDir = join(root, 'lists');
  let files: string[] = [];
  try {
    files = statSync(listsDir).isDirectory()
      ? readdirSync(listsDir)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
      : [];
  } catch {
    files = [];
  }
  const lists = new Map<string, CompiledList>();
  const listTerms = new Map<string, string[]>();
  const unionSpecs: { term: string; upper: boolean; capital: boolean }[] = [];
  const unionListOf: number[] = [];
  const listOrder: CompiledList[] = [];
  const listInfo: PolicyPack['lists'] = [];
  for (const f of files) {
    const file = join(listsDir, f);
    const lf = listFileSchema.safeParse(readYaml(file));
    if (!lf.success) throw new PolicyPackError(`${file}: ${fmtZod(lf.error)}`);
    for (const [name, l] of Object.entries(lf.data.lists)) {
      if (lists.has(name)) throw new PolicyPackError(`${file}: list "${name}" is defined twice`);
      const specs = l.terms.map((t) => {
        const s = typeof t === 'string' ? { term: t } : t;
        return { ...s, upper: s.upper ?? l.case === 'upper', capital: s.capital ?? l.case === 'capital' };
      });
      try {
        const compiled: CompiledList = { name, matcher: compileTerms(specs), aggressive: l.aggressive };
        lists.set(name, compiled);
        for (const sp of specs) {
          unionSpecs.push(sp);
          unionListOf.push(listOrder.length);
        }
        listOrder.push(compiled);
      } catch (e) {
        throw new PolicyPackError(`${file}: list "${name}": ${(e as Error).message}`);
      }
      listTerms.set(
        name,
        specs.map((s) => fold(s.term, { deobfuscateUrls: false })),
      );
      listInfo.push({ name, file: `lists/${f}`, source: lf.data.source, terms: specs.length });
    }
  }

  const needList = (name: string | undefined, what: string): string[] => {
    if (name === undefined) return [];
    const terms = listTerms.get(name);
    if (!terms) throw new PolicyPackError(`${packFile}: ${what} refers to unknown list "${name}"`);
    return terms;
  };
  const virtuals = new Map<string, VirtualList>([
    ['@url', urlList],
    ['@pendingCase', pendingCaseList],
    ['@caseNumber', caseNumberList(needList(pack.caseNumberPrefixes, 'caseNumberPrefixes'))],
    ['@personName', personNameList(needList(pack.personNameStopwords, 'personNameStopwords'))],
    ['@givenName', givenNameList(needList(pack.personNameStopwords, 'personNameStopwords'))],
    ['@secretValue', secretValueList],
  ]);

  const env = {
    listTerms: (n: string) => listTerms.get(n) ?? [],
    officialDomains: pack.official.domains.map((d) => d.toLowerCase()),
    officialPhones: pack.official.phones.map((p) => p.replace(/\D/g, '').slice(-8)),
  };
  const seen = new Set<string>();
  const rules: CompiledRule[] = pack.rules.map((r, i) => {
    const where = `${packFile}: rules[${i}] "${r.id}"`;
    if (seen.has(r.id)) throw new PolicyPackError(`${where}: duplicate rule id`);
    seen.add(r.id);
    const kind = DETECTOR_KINDS.get(r.detector.kind);
    if (!kind)
      throw new PolicyPackError(`${where}: unknown detector kind "${r.detector.kind}" (known: ${[...DETECTOR_KINDS.keys()].join(', ')})`);
    const { kind: _k, ...rawParams } = r.detector;
    const p = kind.params.safeParse(rawParams);
    if (!p.success) throw new PolicyPackError(`${where}: detector "${kind.kind}": ${fmtZod(p.error)}`);
    for (const l of kind.lists(p.data)) {
      if (l.startsWith('@') ? !virtuals.has(l) : !lists.has(l)) throw new PolicyPackError(`${where}: unknown list "${l}"`);
    }
    if (!MESSAGES[r.message]) throw new PolicyPackError(`${where}: unknown message key "${r.message}"`);
    let detector: Detector;
    try {
      detector = kind.compile(p.data, env);
    } catch (e) {
      throw new PolicyPackError(`${where}: cannot compile detector "${kind.kind}": ${(e as Error).message}`);
    }
    return {
      id: r.id,
      article: r.article,
      severity: r.severity,
      languages: r.languages,
      kind: kind.kind,
      message: r.message,
      ...(r.description !== undefined ? { description: r.description } : {}),
      ...(r.liftedBy !== undefined ? { liftedBy: r.liftedBy } : {}),
      detector,
      ...(kind.kind === 'language' ? { draftParams: p.data as LanguageParams } : {}),
    };
  });

  return {
    id: pack.id,
    version: pack.version,
    jurisdiction: pack.jurisdiction,
    ...(pack.description !== undefined ? { description: pack.description } : {}),
    requiredLanguages: pack.requiredLanguages,
    dir: root,
    loadedAt: new Date().toISOString(),
    rules: rules.map(({ detector: _d, draftParams: _p, ...info }) => info),
    lists: listInfo,
    compiled: {
      rules,
      lists,
      virtuals,
      union: { matcher: compileTerms(unionSpecs), listOf: Int32Array.from(unionListOf), lists: listOrder },
    },
  };
}
