import { Badge, Button, Group, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '@courtdesk/contracts';
import { Link, useSearchParams } from 'react-router';
import { ListTable, type Column } from '../../app/ui/DataTable';
import { PageHeader } from '../../app/ui/PageHeader';
import { IconPlus } from '../../app/icons';
import { PauseSwitch } from './PauseSwitch';
import { PostStatusBadge } from './PostStatusBadge';
import { usePosts } from './posts.api';
import { COURT_TZ, formatCourtTime } from './time';

/** Posts of the institutions I can see; the "waiting for my approval" tab is the approval queue. */
export function PostsPage() {
  const { t, i18n } = useTranslation('posts');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'queue' ? 'queue' : 'all';
  const posts = usePosts({ awaitingMe: tab === 'queue' });
  const columns: Column<PostSummary>[] = [
    {
      key: 'text',
      header: t('list.text'),
      maw: 420,
      cell: (p) => (
        <>
          <Link to={`/posts/${p.id}`}>{p.excerpt || '—'}</Link>
          <Group gap={4} mt={2}>
            {p.langs.map((l) => (
              <Badge key={l} size="xs" variant="default">
                {l.toUpperCase()}
              </Badge>
            ))}
          </Group>
        </>
      ),
    },
    { key: 'status', header: t('list.status'), cell: (p) => <PostStatusBadge status={p.status} /> },
    { key: 'accounts', header: t('list.accounts'), cell: (p) => p.targets.map((x) => `@${x.handle}`).join(', ') },
    {
      key: 'when',
      header: t('list.when', { tz: COURT_TZ }),
      cell: (p) => {
        const at = p.publishedAt ?? p.scheduledAt;
        return at ? formatCourtTime(at, i18n.language) : '—';
      },
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('list.title')}
        intro={t('list.intro')}
        actions={
          <Button component={Link} to="/posts/new" leftSection={<IconPlus />} data-testid="new-post">
            {t('list.new')}
          </Button>
        }
      />
      <PauseSwitch />
      <Tabs value={tab} onChange={(v) => setParams(v === 'queue' ? { tab: 'queue' } : {}, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="all">{t('list.all')}</Tabs.Tab>
          <Tabs.Tab value="queue">{t('list.queue')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <ListTable
        query={posts}
        columns={columns}
        rowKey={(p) => p.id}
        highlightOnHover
        empty={{ title: tab === 'queue' ? t('list.queueEmpty') : t('list.empty') }}
      />
    </Stack>
  );
}
