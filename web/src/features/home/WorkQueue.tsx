import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { PostSummary } from '@courtdesk/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/errors';
import { usePosts } from '../posts/posts.api';
import { formatCourtTime } from '../posts/time';

/** How many posts each card lists before "see all". */
export const QUEUE_SHOWN = 5;
const WEEK_MS = 7 * 86_400_000;

/** Scheduled posts due within the next seven days, soonest first. */
export function dueThisWeek(items: readonly PostSummary[], now = Date.now()): PostSummary[] {
  return items
    .filter((p) => p.scheduledAt && Date.parse(p.scheduledAt) >= now - 60_000 && Date.parse(p.scheduledAt) <= now + WEEK_MS)
    .sort((a, b) => Date.parse(a.scheduledAt!) - Date.parse(b.scheduledAt!));
}

function QueueCard(props: {
  id: string;
  title: string;
  empty: string;
  query: UseQueryResult<{ items: PostSummary[] }>;
  select?: (items: PostSummary[]) => PostSummary[];
  when: (p: PostSummary) => string | null;
  seeAll: string;
  color: string;
}) {
  const { t } = useTranslation('home');
  const items = props.query.data ? (props.select ?? ((x) => x))(props.query.data.items) : [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={props.id}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" tt="uppercase" c="dimmed" fw={700} id={props.id}>
          {props.title}
        </Text>
        {props.query.data && (
          <Badge color={items.length ? props.color : 'gray'} variant="light" aria-label={t('count', { count: items.length })}>
            {items.length}
          </Badge>
        )}
      </Group>
      {props.query.isPending && <Skeleton height={48} mt="sm" />}
      <ErrorAlert error={props.query.error} />
      {props.query.data && items.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {props.empty}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap={6} mt="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.slice(0, QUEUE_SHOWN).map((p) => (
            <li key={p.id}>
              <Anchor component={Link} to={`/posts/${p.id}`} size="sm" lineClamp={1}>
                {p.excerpt || t('untitled')}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[props.when(p), p.targets.map((x) => `${x.platform}/@${x.handle}`).join(', ')].filter(Boolean).join(' · ')}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {items.length > QUEUE_SHOWN && (
        <Anchor component={Link} to={props.seeAll} size="sm" mt="sm" display="inline-block">
          {t('seeAll', { count: items.length })}
        </Anchor>
      )}
    </Card>
  );
}

/**
 * The officer's and the president's work for today on the home page: posts waiting for my approval,
 * what goes out in the next seven days, and what failed to publish.
 */
export function WorkQueue() {
  const { t, i18n } = useTranslation('home');
  const awaiting = usePosts({ awaitingMe: true });
  const scheduled = usePosts({ status: 'scheduled' });
  const failed = usePosts({ status: 'failed' });
  const at = (iso: string | null) => (iso ? formatCourtTime(iso, i18n.language) : null);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      <QueueCard
        id="home-awaiting"
        title={t('awaiting.title')}
        empty={t('awaiting.empty')}
        query={awaiting}
        when={(p) => t('awaiting.updated', { at: at(p.updatedAt) })}
        seeAll="/posts"
        color="blue"
      />
      <QueueCard
        id="home-scheduled"
        title={t('scheduled.title')}
        empty={t('scheduled.empty')}
        query={scheduled}
        select={(items) => dueThisWeek(items)}
        when={(p) => at(p.scheduledAt)}
        seeAll="/calendar"
        color="teal"
      />
      <QueueCard
        id="home-failed"
        title={t('failed.title')}
        empty={t('failed.empty')}
        query={failed}
        when={(p) => at(p.updatedAt)}
        seeAll="/posts"
        color="red"
      />
    </SimpleGrid>
  );
}
