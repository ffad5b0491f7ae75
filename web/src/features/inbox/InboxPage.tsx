import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Kbd,
  Modal,
  Pagination,
  Popover,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { InboxKind, InboxLang, InboxStatus, moderationCategories, type InboxActionBody, type InboxItem } from '@courtdesk/contracts';
import { ErrorAlert, useErrorMessage } from '../../app/errors';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { useInboxAccounts, useInboxAction, useInboxBulk, useInboxItems, useInboxReply, type InboxFilters } from './inbox.api';
import { InboxItemCard, type ItemCommand } from './InboxItemCard';
import { ItemDetailDrawer } from './ItemDetailDrawer';

const PAGE = 30;
const SHORTCUTS = ['j', 'k', 'enter', 'h', 'u', 'd', 'r', 'x', 'help'] as const;
const KEY_LABEL: Record<(typeof SHORTCUTS)[number], string> = {
  j: 'j',
  k: 'k',
  enter: 'Enter',
  h: 'h',
  u: 'u',
  d: 'd',
  r: 'r',
  x: 'x',
  help: '?',
};

type Pending = { kind: 'reason'; action: 'hide' | 'delete'; ids: string[]; required: boolean } | { kind: 'reply'; id: string };

/** True when the key press belongs to a text field or an open dialog, not to the list. */
function typing(e: KeyboardEvent): boolean {
  const el = e.target;
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('[role="dialog"]');
}

/** One inbox across the institution's accounts: filters, keyboard shortcuts, bulk actions, details. */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const errorMessage = useErrorMessage();
  const [filters, setFilters] = useState<InboxFilters>({ limit: PAGE, offset: 0 });
  const list = useInboxItems(filters);
  const accounts = useInboxAccounts();
  const act = useInboxAction();
  const bulk = useInboxBulk();
  const reply = useInboxReply();
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [text, setText] = useState('');
  const [help, setHelp] = useState(false);
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const current: InboxItem | undefined = items[Math.min(cursor, items.length - 1)];
  const setFilter = (k: keyof InboxFilters, v: string | null) => {
    setFilters((f) => ({ ...f, [k]: v || undefined, offset: 0 }));
    setCursor(0);
    setSelected(new Set());
  };

  const run = async (ids: string[], body: InboxActionBody) => {
    try {
      if (ids.length === 1) await act.mutateAsync({ id: ids[0]!, body });
      else {
        const r = await bulk.mutateAsync({ ids, ...body });
        const ok = r.results.filter((x) => x.ok).length;
        notifications.show({
          color: ok === ids.length ? 'green' : 'yellow',
          message: t('actions.bulkDone', { ok, failed: ids.length - ok }),
        });
        setSelected(new Set());
      }
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  const command = (item: InboxItem, cmd: ItemCommand) => {
    if (cmd === 'open') return setOpenId(item.id);
    if (cmd === 'reply') return item.can.reply && (setText(''), setPending({ kind: 'reply', id: item.id }));
    if (cmd === 'hide' || cmd === 'delete') {
      if (!item.can[cmd]) return;
      const required = item.verdict === 'keep' || item.verdict === null;
      if (cmd === 'hide' && !required) return void run([item.id], { action: 'hide' });
      setText('');
      return setPending({ kind: 'reason', action: cmd, ids: [item.id], required });
    }
    if (item.can[cmd]) void run([item.id], { action: cmd });
  };

  const bulkCommand = (action: 'hide' | 'unhide' | 'keep' | 'delete') => {
    const ids = [...selected];
    if (action === 'delete' || action === 'hide') {
      const required = items.some((i) => selected.has(i.id) && (i.verdict === 'keep' || i.verdict === null));
      if (action === 'hide' && !required) return void run(ids, { action });
      setText('');
      return setPending({ kind: 'reason', action, ids, required });
    }
    void run(ids, { action });
  };

  // Keyboard shortcuts; the handler reads the latest state through a ref.
  const latest = useRef({ items, current, command, cursor });
  useEffect(() => {
    latest.current = { items, current, command, cursor };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
      const { items: list, current: it, command: cmd } = latest.current;
      const move = (d: number) => {
        setCursor((c) => Math.max(0, Math.min(list.length - 1, c + d)));
        e.preventDefault();
      };
      switch (e.key) {
        case 'j':
          return move(1);
        case 'k':
          return move(-1);
        case '?':
          return setHelp((h) => !h);
        case 'Escape':
          return setHelp(false);
      }
      if (!it) return;
      const map: Record<string, ItemCommand> = { h: 'hide', u: 'unhide', d: 'delete', r: 'reply', Enter: 'open' };
      if (e.key === 'x') {
        e.preventDefault();
        return setSelected((s) => {
          const n = new Set(s);
          if (n.has(it.id)) n.delete(it.id);
          else n.add(it.id);
          return n;
        });
      }
      const c = map[e.key];
      if (c) {
        e.preventDefault();
        cmd(it, c);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (current) document.querySelector(`[data-inbox-item="${current.id}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const option = (v: string, label: string) => ({ value: v, label });
  const counts = list.data?.counts ?? {};
  const total = list.data?.total ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed" maw={760} size="sm">
            {t('intro')}
          </Text>
        </div>
        <Popover opened={help} onChange={setHelp} position="bottom-end" withArrow>
          <Popover.Target>
            <Button variant="default" size="xs" onClick={() => setHelp((h) => !h)} aria-expanded={help}>
              {t('shortcuts.button')} <Kbd ml={6}>?</Kbd>
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Text fw={700} size="sm" mb={6}>
              {t('shortcuts.title')}
            </Text>
            <Table withRowBorders={false}>
              <Table.Tbody>
                {SHORTCUTS.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Td>
                      <Kbd>{KEY_LABEL[k]}</Kbd>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`shortcuts.${k}`)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Popover.Dropdown>
        </Popover>
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('filters.status')}
          clearable
          placeholder={t('filters.all')}
          w={170}
          value={filters.status ?? null}
          onChange={(v) => setFilter('status', v)}
          data={InboxStatus.options.map((s) => option(s, `${t(`status.${s}`)} (${counts[s] ?? 0})`))}
        />
        <Select
          label={t('filters.account')}
          clearable
          placeholder={t('filters.all')}
          w={200}
          value={filters.accountId ?? null}
          onChange={(v) => setFilter('accountId', v)}
          data={(accounts.data?.items ?? []).map((a) => option(a.id, `${a.platform} · @${a.handle}`))}
        />
        <Select
          label={t('filters.platform')}
          clearable
          placeholder={t('filters.all')}
          w={140}
          value={filters.platform ?? null}
          onChange={(v) => setFilter('platform', v)}
          data={[...new Set((accounts.data?.items ?? []).map((a) => a.platform))].map((p) => option(p, p))}
        />
        <Select
          label={t('filters.kind')}
          clearable
          placeholder={t('filters.all')}
          w={160}
          value={filters.kind ?? null}
          onChange={(v) => setFilter('kind', v)}
          data={InboxKind.options.map((k) => option(k, t(`kind.${k}`)))}
        />
        <Select
          label={t('filters.lang')}
          clearable
          placeholder={t('filters.all')}
          w={170}
          value={filters.lang ?? null}
          onChange={(v) => setFilter('lang', v)}
          data={InboxLang.options.map((l) => option(l, t(`lang.${l}`)))}
        />
        <Select
          label={t('filters.category')}
          clearable
          placeholder={t('filters.all')}
          w={160}
          value={filters.category ?? null}
          onChange={(v) => setFilter('category', v)}
          data={moderationCategories.map((c) => option(c, t(`category.${c}`)))}
        />
        <TextInput
          label={t('filters.search')}
          w={220}
          defaultValue={filters.q ?? ''}
          onKeyDown={(e) => e.key === 'Enter' && setFilter('q', e.currentTarget.value.trim())}
          onBlur={(e) => setFilter('q', e.currentTarget.value.trim())}
        />
      </Group>

      {selected.size > 0 && (
        <Alert color="indigo" variant="light" p="xs">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('actions.selected', { count: selected.size })}
            </Text>
            <Button size="compact-sm" color="red" variant="light" onClick={() => bulkCommand('hide')}>
              {t('actions.hide')}
            </Button>
            <Button size="compact-sm" variant="light" onClick={() => bulkCommand('unhide')}>
              {t('actions.unhide')}
            </Button>
            <Button size="compact-sm" color="green" variant="light" onClick={() => bulkCommand('keep')}>
              {t('actions.keep')}
            </Button>
            <Button size="compact-sm" color="red" variant="subtle" onClick={() => bulkCommand('delete')}>
              {t('actions.delete')}
            </Button>
            <Button size="compact-sm" color="gray" variant="subtle" onClick={() => setSelected(new Set())}>
              {t('actions.clearSelection')}
            </Button>
          </Group>
        </Alert>
      )}

      {list.isPending ? (
        <TableSkeleton rows={6} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Alert color="gray" title={t('empty.title')}>
          {t('empty.body')}
        </Alert>
      ) : (
        <Stack gap="xs" role="list">
          {items.map((item, i) => (
            <div role="listitem" key={item.id}>
              <InboxItemCard
                item={item}
                active={current?.id === item.id}
                selected={selected.has(item.id)}
                onFocus={() => setCursor(i)}
                onSelect={(on) =>
                  setSelected((s) => {
                    const n = new Set(s);
                    if (on) n.add(item.id);
                    else n.delete(item.id);
                    return n;
                  })
                }
                onCommand={(c) => command(item, c)}
              />
            </div>
          ))}
        </Stack>
      )}
      {total > PAGE && (
        <Pagination
          total={Math.ceil(total / PAGE)}
          value={filters.offset / PAGE + 1}
          onChange={(p) => {
            setFilters((f) => ({ ...f, offset: (p - 1) * PAGE }));
            setCursor(0);
          }}
        />
      )}

      <ItemDetailDrawer id={openId} onClose={() => setOpenId(null)} />

      <Modal opened={pending?.kind === 'reason'} onClose={() => setPending(null)} title={t('reason.title')}>
        {pending?.kind === 'reason' && (
          <Stack>
            {pending.action === 'delete' && <Alert color="red">{t('reason.confirmDelete')}</Alert>}
            {pending.required && <Text size="sm">{t('reason.requiredHint')}</Text>}
            <Textarea
              label={t('reason.label')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={500}
              rows={3}
              data-autofocus
              required={pending.required}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                {t('reason.cancel')}
              </Button>
              <Button
                color="red"
                disabled={pending.required && !text.trim()}
                onClick={() => {
                  const p = pending;
                  setPending(null);
                  void run(p.ids, { action: p.action, reason: text.trim() || undefined });
                }}
              >
                {t(`actions.${pending.action}`)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal opened={pending?.kind === 'reply'} onClose={() => setPending(null)} title={t('reply.title')}>
        {pending?.kind === 'reply' && (
          <Stack>
            <Textarea
              label={t('reply.label')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={2000}
              rows={4}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                {t('reason.cancel')}
              </Button>
              <Button
                disabled={!text.trim()}
                loading={reply.isPending}
                onClick={async () => {
                  try {
                    await reply.mutateAsync({ id: pending.id, text: text.trim() });
                    setPending(null);
                    notifications.show({ color: 'green', message: t('actions.done') });
                  } catch (err) {
                    notifications.show({ color: 'red', message: errorMessage(err) });
                  }
                }}
              >
                {t('reply.send')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
