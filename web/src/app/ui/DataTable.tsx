import type { ReactNode } from 'react';
import { EmptyState, Pagination, Stack, Table, Text, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../errors';
import { TableSkeleton } from './TableSkeleton';

/** One column of a {@link DataTable}: its header and how a row fills its cell. */
export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Maximum cell width, for long free text. */
  maw?: number;
}

/** Props of {@link DataTable}. */
export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T, index: number) => string;
  /** Read out by screen readers as the table's name. */
  caption?: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  /** True while newer rows are on their way (`aria-busy`). */
  busy?: boolean;
  /** Alternate row shading; on by default. */
  striped?: boolean;
  highlightOnHover?: boolean;
  verticalSpacing?: MantineSpacing;
}

/** A striped table with column headers (`scope="col"`), an optional caption and sideways scrolling. */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  caption,
  minWidth,
  busy,
  striped = true,
  highlightOnHover,
  verticalSpacing,
}: DataTableProps<T>) {
  const table = (
    <Table striped={striped} highlightOnHover={highlightOnHover} verticalSpacing={verticalSpacing} aria-busy={busy || undefined}>
      {caption && <Table.Caption>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key} scope="col">
              {c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => (
          <Table.Tr key={rowKey(row, index)}>
            {columns.map((c) => (
              <Table.Td key={c.key} maw={c.maw}>
                {c.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}

/** What {@link ListTable} needs of a TanStack query for a list (a `UseQueryResult` fits). */
export interface ListQuery<T> {
  data: { items: readonly T[]; total?: number } | undefined;
  error: unknown;
  isLoading: boolean;
  isFetching: boolean;
  refetch: () => unknown;
}

/** Page state of a paged list; the total comes from the query's `data.total`. */
export interface Paging {
  page: number;
  pageSize: number;
  onChange: (page: number) => void;
  /** Says "21–40 of 57" above the table, politely announced when it changes. */
  showRange?: boolean;
}

/** Props of {@link ListTable}. */
export interface ListTableProps<T> extends Omit<DataTableProps<T>, 'rows' | 'busy'> {
  query: ListQuery<T>;
  /** Shown in plain words when the list is empty. */
  empty: { title: string; description?: string; icon?: ReactNode };
  skeletonRows?: number;
  paging?: Paging;
}

/** Number of pages for `total` rows, at least one. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * A list from the server in all its states: an error with "Try again", skeleton rows while it first
 * loads, an empty state in plain words, or the table with its pages.
 */
export function ListTable<T>({ query, empty, skeletonRows = 6, paging, ...table }: ListTableProps<T>) {
  const { t } = useTranslation();
  const data = query.data;
  const total = data?.total ?? data?.items.length ?? 0;
  const pages = paging ? pageCount(total, paging.pageSize) : 1;
  return (
    <>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      {query.isLoading && <TableSkeleton rows={skeletonRows} />}
      {data &&
        (data.items.length === 0 ? (
          <EmptyState icon={empty.icon} title={empty.title} description={empty.description} />
        ) : (
          <Stack gap="md">
            {paging?.showRange && (
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('common:pagination.range', {
                  from: (paging.page - 1) * paging.pageSize + 1,
                  to: Math.min(total, paging.page * paging.pageSize),
                  total,
                })}
              </Text>
            )}
            <DataTable rows={data.items} busy={query.isFetching} {...table} />
            {paging && pages > 1 && (
              <Pagination
                total={pages}
                value={Math.min(paging.page, pages)}
                onChange={paging.onChange}
                getControlProps={(control) => ({ 'aria-label': t(`common:pagination.${control}`) })}
                getItemProps={(page) => ({ 'aria-label': t('common:pagination.page', { page }) })}
              />
            )}
          </Stack>
        ))}
    </>
  );
}
