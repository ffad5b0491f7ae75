import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxList } from '@courtdesk/contracts';
import { api } from '../../app/api';

/** On the home page: how many comments wait for the officer (review or a decision the platform can't take). */
export function InboxSummary() {
  const { t } = useTranslation('inbox');
  const q = useQuery({
    queryKey: ['inbox', 'summary'],
    queryFn: ({ signal }) => api.get<InboxList>('/api/inbox/items', { signal, query: { limit: 1 } }),
    refetchInterval: 60_000,
    retry: false,
  });
  const waiting = (q.data?.counts.review ?? 0) + (q.data?.counts.needs_action ?? 0);
  if (!q.data || waiting === 0) return null;
  return (
    <Alert color="blue" title={t('summary.title')}>
      {t('summary.body', { count: waiting })}{' '}
      <Anchor component={Link} to="/inbox">
        {t('summary.open')}
      </Anchor>
    </Alert>
  );
}
