#!/usr/bin/env node
// The one test command (`npm test`): unit and integration tests on SQLite and PostgreSQL (a throwaway
// server is started by the test setup), the web app's component tests, then the end-to-end journeys
// in real headless Chromium. Prints a closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const runUnit = !args.has('--only-e2e');
const runE2e = !args.has('--no-e2e') && process.env.SKIP_E2E !== '1';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(cmd, argv, opts = {}) {
  const res = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, ...opts.env } });
  return res.status === 0;
}

function vitest(label, extra) {
  const out = path.join(tmp, `${label}.json`);
  console.log(`\n=== ${label} ===`);
  const passed = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra]);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if ((r.numTotalTests ?? 0) === 0) {
      console.error(`${label}: no test ran.`);
      ok = false;
    }
  }
  if (!passed) ok = false;
}

function ensureChromium() {
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(exe)) return exe;
  const root = process.getuid?.() === 0;
  const apt = fs.existsSync('/usr/bin/apt-get');
  if (root && apt) {
    console.log("Chromium is missing: installing Debian's chromium package (apt-get)…");
    if (
      run('apt-get', ['update', '-qq']) &&
      run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { DEBIAN_FRONTEND: 'noninteractive' } }) &&
      fs.existsSync(exe)
    )
      return exe;
  }
  console.error(`The end-to-end tests need Chromium at ${exe}. Install it with: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

if (runUnit) vitest('unit and integration (SQLite + PostgreSQL, web components)', []);

if (runE2e) {
  const chromium = ensureChromium();
  console.log('\n=== building the web app for the end-to-end tests ===');
  if (!run('npm', ['run', 'build', '-w', 'web', '--silent'])) ok = false;
  else vitest('end-to-end (Chromium)', ['--config', 'e2e/vitest.config.ts', '--no-file-parallelism'], { env: { CHROMIUM_PATH: chromium } });
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
