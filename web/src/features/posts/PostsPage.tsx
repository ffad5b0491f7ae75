import { Badge, Button, Group, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../app/errors';
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
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('list.intro')}
          </Text>
        </Stack>
        <Button component={Link} to="/posts/new" leftSection={<IconPlus />} data-testid="new-post">
          {t('list.new')}
        </Button>
      </Group>
      <PauseSwitch />
      <Tabs value={tab} onChange={(v) => setParams(v === 'queue' ? { tab: 'queue' } : {}, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="all">{t('list.all')}</Tabs.Tab>
          <Tabs.Tab value="queue">{t('list.queue')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {posts.error && <ErrorAlert error={posts.error} />}
      {posts.isLoading && <Loader />}
      {posts.data && posts.data.items.length === 0 && <Text c="dimmed">{tab === 'queue' ? t('list.queueEmpty') : t('list.empty')}</Text>}
      {posts.data && posts.data.items.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.text')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              <Table.Th>{t('list.accounts')}</Table.Th>
              <Table.Th>{t('list.when', { tz: COURT_TZ })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {posts.data.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td maw={420}>
                  <Link to={`/posts/${p.id}`}>{p.excerpt || '—'}</Link>
                  <Group gap={4} mt={2}>
                    {p.langs.map((l) => (
                      <Badge key={l} size="xs" variant="default">
                        {l.toUpperCase()}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <PostStatusBadge status={p.status} />
                </Table.Td>
                <Table.Td>{p.targets.map((x) => `@${x.handle}`).join(', ')}</Table.Td>
                <Table.Td>
                  {p.publishedAt
                    ? formatCourtTime(p.publishedAt, i18n.language)
                    : p.scheduledAt
                      ? formatCourtTime(p.scheduledAt, i18n.language)
                      : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
