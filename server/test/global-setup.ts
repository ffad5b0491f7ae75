import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

/** One PostgreSQL server for the whole run, unless TEST_DATABASE_URL names one (or is "none" to skip PostgreSQL). */
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given === 'none') {
    project.provide('pgUrl', null);
    return;
  }
  if (given) {
    project.provide('pgUrl', given);
    return;
  }
  const pg = await startThrowawayPostgres();
  project.provide('pgUrl', pg.url);
  return () => pg.stop();
}
