import { decodeCursor, encodeCursor, type GraphPage } from './graph-client.js';

/**
 * Graph lists comments per post and messages per conversation; our connector interface lists them
 * per account. This walks parents (posts, conversations) and their children with one opaque cursor
 * holding where it stopped: the parents' `after`, the parents still to read, the child `after`.
 */
interface State {
  /** Parents' next `after`; null once the last page of parents has been read. */
  pa: string | null;
  /** Parent ids still to read, the first one possibly half-read. */
  q: string[];
  /** Child `after` inside q[0]. */
  ca: string | null;
  /** Parents read so far (bounded by maxParents). */
  n: number;
  started: boolean;
}

export interface NestedOpts<C> {
  cursor: string | null | undefined;
  /** How many items one call should try to return. */
  want: number;
  /** Stop after this many parents (the newest): older ones are reached through webhooks. */
  maxParents: number;
  parents(after: string | null): Promise<GraphPage<{ id: string }>>;
  children(parentId: string, after: string | null, limit: number): Promise<GraphPage<C>>;
}

export async function nestedPage<C>(o: NestedOpts<C>): Promise<{ items: C[]; cursor: string | null }> {
  const st: State = decodeCursor<State>(o.cursor) ?? { pa: null, q: [], ca: null, n: 0, started: false };
  const items: C[] = [];
  for (let calls = 0; items.length < o.want && calls < 40; calls++) {
    if (st.q.length === 0) {
      if (st.started && (!st.pa || st.n >= o.maxParents)) {
        st.pa = null;
        break;
      }
      const page = await o.parents(st.pa);
      st.started = true;
      st.q = page.data.map((p) => p.id).slice(0, Math.max(0, o.maxParents - st.n));
      st.n += st.q.length;
      st.pa = page.paging?.next ? (page.paging.cursors?.after ?? null) : null;
      st.ca = null;
      continue;
    }
    const page = await o.children(st.q[0]!, st.ca, o.want - items.length);
    items.push(...page.data);
    if (page.paging?.next && page.paging.cursors?.after) st.ca = page.paging.cursors.after;
    else {
      st.q.shift();
      st.ca = null;
    }
  }
  const more = st.q.length > 0 || (!!st.pa && st.n < o.maxParents) || !st.started;
  return { items, cursor: more ? encodeCursor(st) : null };
}
