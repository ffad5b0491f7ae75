import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkText, DEFAULT_PACK_DIR, getActivePack, loadPack, PolicyPackError, reloadPack } from './index.js';

const tmp = mkdtempSync(join(tmpdir(), 'policy-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Copy the Kosovo pack and apply `edit` to pack.yaml (and optionally write extra files). */
function brokenPack(name: string, edit: (yaml: string) => string, extra: Record<string, string> = {}): string {
  const dir = join(tmp, name);
  cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
  const f = join(dir, 'pack.yaml');
  writeFileSync(f, edit(readFileSync(f, 'utf8')));
  for (const [p, text] of Object.entries(extra)) writeFileSync(join(dir, p), text);
  return dir;
}

const addRule = (rule: string) => (y: string) => y.replace('rules:\n', `rules:\n${rule}\n`);

describe('loadPack', () => {
  it('loads the Kosovo pack with rules for every checkable article', () => {
    const p = loadPack(DEFAULT_PACK_DIR);
    expect(p.id).toBe('kosovo');
    expect(new Set(p.rules.map((r) => r.article))).toEqual(
      new Set(['3.11', '4.1', '4.2', '4.3', '4.4a', '4.4b', '4.4c', '4.5', '4.6', '4.8']),
    );
    expect(p.lists.every((l) => l.source.length > 10)).toBe(true);
  });

  it.each([
    [
      'unknown detector kind',
      addRule('  - { id: x.y, article: "4.1", severity: warn, detector: { kind: telepathy }, message: opinion.personal }'),
      /unknown detector kind "telepathy"/,
    ],
    [
      'malformed regex',
      addRule(
        '  - { id: x.re, article: "4.1", severity: warn, detector: { kind: regex, patterns: ["(unclosed"] }, message: opinion.personal }',
      ),
      /x\.re.*cannot compile detector "regex"/,
    ],
    [
      'schema error (bad severity)',
      addRule(
        '  - { id: x.sev, article: "4.1", severity: maybe, detector: { kind: lexicon, lists: [opinion.phrases] }, message: opinion.personal }',
      ),
      /severity/,
    ],
    [
      'bad detector params',
      addRule('  - { id: x.p, article: "4.1", severity: warn, detector: { kind: lexicon, listz: [a] }, message: opinion.personal }'),
      /detector "lexicon"/,
    ],
    [
      'unknown list',
      addRule(
        '  - { id: x.l, article: "4.1", severity: warn, detector: { kind: lexicon, lists: [no.such.list] }, message: opinion.personal }',
      ),
      /unknown list "no.such.list"/,
    ],
    [
      'unknown message key',
      addRule(
        '  - { id: x.m, article: "4.1", severity: warn, detector: { kind: lexicon, lists: [opinion.phrases] }, message: no.such.message }',
      ),
      /unknown message key/,
    ],
    [
      'duplicate rule id',
      addRule(
        '  - { id: opinion.first-person, article: "4.1", severity: warn, detector: { kind: lexicon, lists: [opinion.phrases] }, message: opinion.personal }',
      ),
      /duplicate rule id/,
    ],
    [
      'malformed evaluation template',
      addRule(
        '  - { id: x.t, article: "4.4c", severity: warn, detector: { kind: evaluation, anchors: [decision.nouns], templates: ["~2 faith"] }, message: decision.comment }',
      ),
      /x\.t.*cannot compile detector "evaluation".*gap cannot come first/,
    ],
    [
      'too short template stem',
      addRule(
        '  - { id: x.s, article: "4.4c", severity: warn, detector: { kind: evaluation, anchors: [decision.nouns], templates: ["re* ~2 faith"] }, message: decision.comment }',
      ),
      /shorter than 3/,
    ],
    ['invalid YAML', () => 'id: [unclosed', /invalid YAML/],
  ])('refuses a pack with %s', (name, edit, error) => {
    const dir = brokenPack(name.replace(/\W+/g, '-'), edit as (y: string) => string);
    expect(() => loadPack(dir)).toThrow(PolicyPackError);
    expect(() => loadPack(dir)).toThrow(error as RegExp);
  });

  it('refuses a list file without a source note', () => {
    const dir = brokenPack('no-source', (y) => y, { 'lists/extra.yaml': 'lists:\n  extra.x:\n    terms: [a]\n' });
    expect(() => loadPack(dir)).toThrow(/extra\.yaml.*source/);
  });
});

describe('reloadPack', () => {
  it('keeps the last good pack in force when the new one is broken', () => {
    const before = getActivePack();
    const dir = brokenPack(
      'reload-broken',
      addRule('  - { id: x.y, article: "4.1", severity: warn, detector: { kind: telepathy }, message: opinion.personal }'),
    );
    const r = reloadPack(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/telepathy/);
    expect(getActivePack()).toBe(before);
    expect(checkText('Nënshkruani peticionin!').map((f) => f.article)).toContain('4.4b');
  });

  it('switches to a good pack, e.g. one where a rule was removed', () => {
    const dir = brokenPack('reload-good', (y) => y.replace(/ {2}- id: petitions\.imperative[\s\S]*?message: petition\.support\n/, ''));
    expect(reloadPack(dir)).toEqual({ ok: true });
    expect(getActivePack().rules.some((r) => r.id === 'petitions.imperative')).toBe(false);
    expect(reloadPack(DEFAULT_PACK_DIR)).toEqual({ ok: true });
    expect(getActivePack().rules.some((r) => r.id === 'petitions.imperative')).toBe(true);
  });
});
