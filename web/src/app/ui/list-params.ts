import { useSearchParams } from 'react-router';

/**
 * Filters and page of a list, kept in the URL so a filtered list can be bookmarked and shared.
 * Changing a filter goes back to the first page; page 1 is not written out.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const set = (key: string, value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  return {
    params,
    /** A filter's value, or undefined when it is not set. */
    get: (key: string) => params.get(key) ?? undefined,
    set,
    page,
    setPage: (value: number) => set('page', value > 1 ? String(value) : null),
  };
}
