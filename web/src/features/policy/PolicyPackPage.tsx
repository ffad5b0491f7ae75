import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PolicyPackView } from '@courtdesk/contracts';
import { ErrorAlert, useErrorMessage } from '../../app/errors';
import { useFormatDate } from '../../app/format';
import { useMe } from '../../app/session';
import { DataTable, type Column } from '../../app/ui/DataTable';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { policyApi } from './policy.api';

/** The policy pack in force: every rule with its article and severity, and the word lists with their sources. */
export function PolicyPackPage() {
  const { t } = useTranslation('policy');
  const formatDate = useFormatDate();
  const errorMessage = useErrorMessage();
  const me = useMe().data;
  const qc = useQueryClient();
  const pack = useQuery({ queryKey: ['policy-pack'], queryFn: policyApi.pack });
  const reload = useMutation({
    mutationFn: policyApi.reload,
    onSuccess: (r) => {
      notifications.show(
        r.ok
          ? { color: 'green', message: t('pack.reloaded', { version: r.version }) }
          : { color: 'red', title: t('pack.refused'), message: r.error ?? '' },
      );
      void qc.invalidateQueries({ queryKey: ['policy-pack'] });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  if (pack.isPending) return <TableSkeleton rows={8} />;
  if (pack.isError) return <ErrorAlert error={pack.error} onRetry={() => void pack.refetch()} />;
  const p = pack.data;
  const ruleColumns: Column<PolicyPackView['rules'][number]>[] = [
    { key: 'article', header: t('pack.article'), cell: (r) => r.article },
    {
      key: 'rule',
      header: t('pack.rule'),
      cell: (r) => (
        <>
          <Text size="sm" fw={600}>
            {r.id}
          </Text>
          {r.description && (
            <Text size="xs" c="dimmed">
              {r.description}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'severity',
      header: t('pack.severity'),
      cell: (r) => (
        <Badge color={r.severity === 'block' ? 'red' : 'yellow'} variant="light">
          {t(`severity.${r.severity}`)}
        </Badge>
      ),
    },
    { key: 'detector', header: t('pack.detector'), cell: (r) => r.kind },
  ];
  const listColumns: Column<PolicyPackView['lists'][number]>[] = [
    {
      key: 'list',
      header: t('pack.list'),
      cell: (l) => (
        <>
          {l.name}
          <Text size="xs" c="dimmed">
            {l.file}
          </Text>
        </>
      ),
    },
    { key: 'terms', header: t('pack.terms'), cell: (l) => l.terms },
    { key: 'source', header: t('pack.source'), cell: (l) => <Text size="xs">{l.source}</Text> },
  ];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('pack.title')}</Title>
        {me?.user?.position === 'sysadmin' && (
          <Button variant="light" onClick={() => reload.mutate()} loading={reload.isPending}>
            {t('pack.reload')}
          </Button>
        )}
      </Group>
      <Text>
        {p.jurisdiction} — {t('pack.version', { version: p.version })} · {t('pack.loaded', { at: formatDate(p.loadedAt) })}
      </Text>
      {p.description && <Text c="dimmed">{p.description}</Text>}
      <Title order={2} size="h3">
        {t('pack.rules')}
      </Title>
      <Card withBorder padding={0}>
        <DataTable rows={p.rules} columns={ruleColumns} rowKey={(r) => r.id} />
      </Card>
      <Title order={2} size="h3">
        {t('pack.lists')}
      </Title>
      <Card withBorder padding={0}>
        <DataTable rows={p.lists} columns={listColumns} rowKey={(l) => l.name} striped={false} />
      </Card>
    </Stack>
  );
}
