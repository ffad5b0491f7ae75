import type { PublishedRef } from '../connector.js';

/**
 * What this connector writes down around a publish, so a later `findByIdempotencyKey` (after a timeout
 * or a restart) can reconcile instead of re-publishing: the key, the exact text and the start time
 * ("intent"), then the platform's id. Same shape as the Meta connectors' `PublishLedger`
 * (connectors/meta/publish-ledger.ts), so the database ledger (`dbPublishLedger(db)`) can be passed in;
 * without one, an in-memory ledger forgets intents on restart.
 */
export interface PublishLedger {
  get(accountId: string, key: string): Promise<LedgerEntry | null>;
  /** Records the intent (keeps the earliest start when called again for the same key). */
  begin(accountId: string, key: string, text: string, startedAt: string): Promise<void>;
  complete(accountId: string, key: string, ref: PublishedRef): Promise<void>;
  /** Platform ids already attributed to some key on this account. */
  claimed(accountId: string): Promise<Set<string>>;
}

export interface LedgerEntry {
  key: string;
  text: string;
  startedAt: string;
  externalId: string | null;
  url: string | null;
  publishedAt: string | null;
}

/** The ledger kept in this process only. */
export function memoryLedger(): PublishLedger {
  const rows = new Map<string, Map<string, LedgerEntry>>();
  const of = (a: string) => rows.get(a) ?? rows.set(a, new Map()).get(a)!;
  return {
    get: async (a, k) => of(a).get(k) ?? null,
    begin: async (a, k, text, startedAt) => {
      if (!of(a).has(k)) of(a).set(k, { key: k, text, startedAt, externalId: null, url: null, publishedAt: null });
    },
    complete: async (a, k, ref) => {
      const cur = of(a).get(k);
      of(a).set(k, {
        key: k,
        text: cur?.text ?? '',
        startedAt: cur?.startedAt ?? ref.publishedAt,
        externalId: ref.externalId,
        url: ref.url,
        publishedAt: ref.publishedAt,
      });
    },
    claimed: async (a) => new Set([...of(a).values()].flatMap((e) => (e.externalId ? [e.externalId] : []))),
  };
}
