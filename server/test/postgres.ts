import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a throwaway PostgreSQL server for the test run (the recipe of ../shared/STACK.md):
 * initdb into a temp dir, listen on 127.0.0.1 only, fsync off. As root it runs as the `postgres` user.
 */
export async function startThrowawayPostgres(): Promise<{ url: string; stop: () => void }> {
  if (!fs.existsSync(path.join(PGBIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL server binaries not found in ${PGBIN}. Install them (apt-get install postgresql-15) or set TEST_DATABASE_URL to a server you run.`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-pg-'));
  const root = process.getuid?.() === 0;
  if (root) {
    const id = spawnSync('id', ['-u', 'postgres']);
    if (id.status !== 0) throw new Error('Running as root needs the "postgres" system user (it comes with the postgresql package).');
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  const run = (bin: string, args: string[]) =>
    execFileSync(root ? 'runuser' : path.join(PGBIN, bin), root ? ['-u', 'postgres', '--', path.join(PGBIN, bin), ...args] : args, {
      stdio: 'pipe',
    });
  const port = await freePort();
  run('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  run('pg_ctl', [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/log`,
    '-w',
    '-s',
    'start',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', `${dir}/data`, '-m', 'immediate', '-w', '-s', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
