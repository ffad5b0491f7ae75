import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('../../../', import.meta.url));

describe('courtdesk moderate --jsonl (CLI contract)', () => {
  it('prints one JSON line per input line in order, errors per line, exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'moderate-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'good-1', text: 'Sudija Marko Ilić je kreten.', lang: 'sr', extra: 'ignored' }),
        '{"id": "broken", "text": ',
        JSON.stringify({ id: 'no-text', lang: 'en' }),
        JSON.stringify({ id: 'good-2', text: 'When is the court open on Friday?' }),
      ].join('\n') + '\n',
    );
    try {
      const r = spawnSync(process.execPath, ['bin/courtdesk.js', 'moderate', '--jsonl', file], {
        cwd: serverDir,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).toBe(0);
      const lines = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(4);
      expect(Object.keys(lines[0]!)).toEqual(['id', 'action', 'categories', 'reasons']);
      expect(lines[0]).toMatchObject({ id: 'good-1', action: 'remove', categories: ['insult'] });
      const reason = (lines[0]!.reasons as Record<string, unknown>[])[0]!;
      expect(Object.keys(reason).sort()).toEqual(['article', 'category', 'end', 'explanation', 'match', 'rule', 'start'].sort());
      expect(reason).toMatchObject({ category: 'insult', article: '3.7', match: 'kreten' });
      expect(Object.keys(lines[1]!)).toEqual(['id', 'error']);
      expect(lines[1]!.error).toMatch(/invalid JSON/);
      expect(lines[2]).toEqual({ id: 'no-text', error: 'missing "text" (string)' });
      expect(lines[3]).toEqual({ id: 'good-2', action: 'keep', categories: [], reasons: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
