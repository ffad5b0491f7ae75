import type { PublishedRef } from '../connector.js';
import { flightKey, singleFlight } from '../connector-kit.js';

/**
 * The Graph API has no idempotency key. Before a publishing write the connector writes down the key,
 * the exact text and the time ("intent"); after it, the platform's id. A later `findByIdempotencyKey`
 * (after a timeout or a crash) then looks at the account's recent posts for one with that text,
 * created after the intent and not already claimed by another key — never re-publishing blindly.
 *
 * `memoryPublishLedger` keeps this in the process; `dbPublishLedger` (meta/publish-ledger.db.ts) keeps
 * it in the database so a restart does not forget an intent.
 */
export interface LedgerEntry {
  key: string;
  text: string;
  startedAt: string;
  externalId: string | null;
  url: string | null;
  publishedAt: string | null;
}

export interface PublishLedger {
  get(accountId: string, key: string): Promise<LedgerEntry | null>;
  /** Records the intent (keeps the earliest start when called again for the same key). */
  begin(accountId: string, key: string, text: string, startedAt: string): Promise<void>;
  complete(accountId: string, key: string, ref: PublishedRef): Promise<void>;
  /** Platform ids already attributed to some key on this account. */
  claimed(accountId: string): Promise<Set<string>>;
}

export function memoryPublishLedger(): PublishLedger {
  const rows = new Map<string, Map<string, LedgerEntry>>();
  const of = (a: string) => rows.get(a) ?? rows.set(a, new Map()).get(a)!;
  return {
    get: async (a, k) => of(a).get(k) ?? null,
    begin: async (a, k, text, startedAt) => {
      const cur = of(a).get(k);
      if (!cur) of(a).set(k, { key: k, text, startedAt, externalId: null, url: null, publishedAt: null });
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

/** How far before the recorded intent a post may carry its creation time (clock skew between us and Meta). */
const SKEW_MS = 2 * 60_000;

export interface RecentPost {
  id: string;
  text: string;
  createdAt: string;
}

/**
 * Publishes at most once per key on this process and reconciles with the platform otherwise. Calls for
 * the same key while one is in flight share its outcome (the publishing worker runs one attempt per
 * target at a time across processes; this covers twins inside one process).
 */
export class IdempotentPublisher {
  private readonly oneFlight = singleFlight<PublishedRef>();

  constructor(private readonly ledger: PublishLedger) {}

  publish(accountId: string, key: string, text: string, ops: PublishOps): Promise<PublishedRef> {
    return this.oneFlight(flightKey(accountId, key), () => this.run(accountId, key, text, ops));
  }

  private async run(accountId: string, key: string, text: string, ops: PublishOps): Promise<PublishedRef> {
    const entry = await this.ledger.get(accountId, key);
    if (entry?.externalId) return toRef(entry);
    if (entry) {
      const found = await this.find(accountId, key, ops);
      if (found) return found;
    }
    await this.ledger.begin(accountId, key, text, new Date().toISOString());
    const ref = await ops.create();
    await this.ledger.complete(accountId, key, ref);
    return ref;
  }

  /** Platform ids this account's ledger attributes to a key (posts we published). */
  claimedIds(accountId: string): Promise<Set<string>> {
    return this.ledger.claimed(accountId);
  }

  /** The post published under `key`: from the ledger, or matched among the account's recent posts. */
  async find(accountId: string, key: string, ops: Pick<PublishOps, 'recent' | 'refFor'>): Promise<PublishedRef | null> {
    const entry = await this.ledger.get(accountId, key);
    if (!entry) return null;
    if (entry.externalId) return toRef(entry);
    const after = Date.parse(entry.startedAt) - SKEW_MS;
    const claimed = await this.ledger.claimed(accountId);
    const match = (await ops.recent(new Date(after).toISOString()))
      .filter((p) => p.text === entry.text && !claimed.has(p.id) && Date.parse(p.createdAt) >= after)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
    if (!match) return null;
    const ref = await ops.refFor(match);
    await this.ledger.complete(accountId, key, ref);
    return ref;
  }
}

export interface PublishOps {
  create(): Promise<PublishedRef>;
  /** The account's posts created at or after `sinceIso`, newest first. */
  recent(sinceIso: string): Promise<RecentPost[]>;
  refFor(p: RecentPost): Promise<PublishedRef> | PublishedRef;
}

function toRef(e: LedgerEntry): PublishedRef {
  return { externalId: e.externalId!, url: e.url ?? '', publishedAt: e.publishedAt ?? e.startedAt };
}
