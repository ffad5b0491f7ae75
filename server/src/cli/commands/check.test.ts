import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const serverDir = resolve(here, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'check-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Runs `courtdesk check` through bin/courtdesk.js when main.ts registers it; until the lead wires it
 * in, through a minimal commander program that registers the same command.
 */
function runCheck(args: string[]) {
  const main = readFileSync(join(serverDir, 'src/cli/main.ts'), 'utf8');
  const viaBin = main.includes('registerCheck');
  const cmd = viaBin
    ? [join(serverDir, 'bin/courtdesk.js'), 'check', ...args]
    : [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { Command } from 'commander'; import { registerCheck } from ${JSON.stringify(join(here, 'check.ts'))};
         const p = new Command().name('courtdesk'); registerCheck(p); await p.parseAsync(['node', 'courtdesk', 'check', ...${JSON.stringify(args)}]);`,
      ];
  return spawnSync(process.execPath, cmd, { cwd: serverDir, encoding: 'utf8', timeout: 60_000 });
}

describe('courtdesk check --jsonl', () => {
  it('prints one result per line, in order, errors for bad lines, exit 0', () => {
    const file = join(tmp, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'p1', text: 'Nënshkruani peticionin: change.org/x', lang: 'sq', other: 1 }),
        '{not json',
        '',
        JSON.stringify({ id: 'p3', lang: 'sq' }),
        JSON.stringify({ id: 'p4', text: 'Seanca në lëndën P.nr. 12/2025 shtyhet.' }),
      ].join('\n'),
    );
    const r = runCheck(['--jsonl', file]);
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(4); // blank line skipped
    expect(out[0]!.id).toBe('p1');
    const f = out[0]!.findings as Record<string, unknown>[];
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) {
      expect(x).toEqual(
        expect.objectContaining({
          article: '4.4b',
          severity: 'block',
          start: expect.any(Number),
          end: expect.any(Number),
          message: expect.any(String),
        }),
      );
    }
    expect(out[1]).toEqual({ id: null, error: expect.stringMatching(/invalid JSON/) });
    expect(out[2]).toEqual({ id: 'p3', error: expect.stringMatching(/text/) });
    expect(out[3]).toEqual({ id: 'p4', findings: [] });
  });

  it('gives messages in the --lang-ui language', () => {
    const file = join(tmp, 'ui.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'x', text: 'Potpišite peticiju!' })}\n`);
    const r = runCheck(['--jsonl', file, '--lang-ui', 'sr']);
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout.trim()) as { findings: { message: string }[] };
    expect(res.findings[0]!.message).toMatch(/peticiju/);
  });
});
