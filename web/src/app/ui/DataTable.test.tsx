import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { DataTable, ListTable, pageCount, type Column, type ListQuery } from './DataTable';

interface Row {
  id: string;
  name: string;
}

const columns: Column<Row>[] = [
  { key: 'name', header: 'Name', cell: (r) => r.name },
  { key: 'id', header: 'Id', cell: (r) => <code>{r.id}</code> },
];
const rows = (n: number, from = 1): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, name: `Row ${from + i}` }));
const wrap = (ui: ReactNode) => render(<MantineProvider>{ui}</MantineProvider>);
const query = (over: Partial<ListQuery<Row>> = {}): ListQuery<Row> => ({
  data: undefined,
  error: null,
  isLoading: false,
  isFetching: false,
  refetch: vi.fn(),
  ...over,
});
const empty = { title: 'No rows yet', description: 'Add one to begin.' };

describe('DataTable', () => {
  it('renders a captioned table with column headers and one row per item', () => {
    wrap(<DataTable rows={rows(2)} columns={columns} rowKey={(r) => r.id} caption="Things" />);
    const table = screen.getByRole('table', { name: 'Things' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Name', 'Id']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('row', { name: /Row 2/ }).textContent).toContain('r2');
  });
});

describe('ListTable', () => {
  it('shows skeleton rows announced as loading while the list first loads', () => {
    wrap(<ListTable query={query({ isLoading: true, isFetching: true })} columns={columns} rowKey={(r) => r.id} empty={empty} />);
    expect(screen.getByRole('status', { name: 'Duke u ngarkuar…' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says in plain words when the list is empty', () => {
    wrap(<ListTable query={query({ data: { items: [], total: 0 } })} columns={columns} rowKey={(r) => r.id} empty={empty} />);
    expect(screen.getByText('No rows yet')).toBeTruthy();
    expect(screen.getByText('Add one to begin.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('explains an error and retries on request', () => {
    const refetch = vi.fn();
    wrap(
      <ListTable
        query={query({ error: new ApiError('forbidden', 'no', 403), refetch })}
        columns={columns}
        rowKey={(r) => r.id}
        empty={empty}
      />,
    );
    expect(screen.getByText('Nuk keni të drejtë ta bëni këtë veprim.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Provo përsëri' }));
    expect(refetch).toHaveBeenCalledOnce();
  });

  it('marks the table busy while newer rows load', () => {
    wrap(<ListTable query={query({ data: { items: rows(1) }, isFetching: true })} columns={columns} rowKey={(r) => r.id} empty={empty} />);
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true');
  });

  it('pages with labelled buttons, says which rows are shown, and has no pager for one page', () => {
    const onChange = vi.fn();
    const { rerender } = wrap(
      <ListTable
        query={query({ data: { items: rows(10, 11), total: 25 } })}
        columns={columns}
        rowKey={(r) => r.id}
        empty={empty}
        paging={{ page: 2, pageSize: 10, onChange, showRange: true }}
      />,
    );
    expect(screen.getByText('11–20 nga 25')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Faqja 2' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: 'Faqja 3' }));
    expect(onChange).toHaveBeenLastCalledWith(3);
    fireEvent.click(screen.getByRole('button', { name: 'Faqja e mëparshme' }));
    expect(onChange).toHaveBeenLastCalledWith(1);

    rerender(
      <MantineProvider>
        <ListTable
          query={query({ data: { items: rows(3), total: 3 } })}
          columns={columns}
          rowKey={(r) => r.id}
          empty={empty}
          paging={{ page: 1, pageSize: 10, onChange }}
        />
      </MantineProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Faqja 1' })).toBeNull();
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
