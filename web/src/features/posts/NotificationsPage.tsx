import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/errors';
import { useMarkRead, useNotifications } from './posts.api';
import { formatCourtTime } from './time';

/** What happened to my posts and what waits for me: approval requested, approved, published, failed. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation('posts');
  const list = useNotifications();
  const mark = useMarkRead();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('notifications.title')}</Title>
        {!!list.data?.unread && (
          <Button variant="default" onClick={() => mark.mutate('all')} loading={mark.isPending}>
            {t('notifications.markAll')}
          </Button>
        )}
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isLoading && <Loader />}
      {list.data?.items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
      {(list.data?.items ?? []).map((n) => (
        <Card key={n.id} withBorder padding="sm" bg={n.readAt ? undefined : 'blue.0'}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <Group gap="xs">
                <Badge
                  color={n.kind === 'failed' ? 'red' : n.kind === 'drift_found' ? 'orange' : n.kind === 'published' ? 'green' : 'blue'}
                  variant="light"
                >
                  {t(`notifications.kinds.${n.kind}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatCourtTime(n.createdAt, i18n.language)}
                </Text>
              </Group>
              {typeof n.data.excerpt === 'string' && <Text size="sm">{n.data.excerpt}</Text>}
            </Stack>
            {(n.postId || typeof n.data.accountId === 'string') && (
              <Button
                size="xs"
                variant="light"
                component={Link}
                to={n.postId ? `/posts/${n.postId}` : `/accounts/${String(n.data.accountId)}`}
                onClick={() => !n.readAt && mark.mutate([n.id])}
              >
                {t('notifications.open')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
