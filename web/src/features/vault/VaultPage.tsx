import { Alert, Anchor, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VaultAccount } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { DataTable, type Column } from '../../app/ui/DataTable';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { vaultApi, vaultKeys } from './vault.api';

/** The accounts whose secrets this person may keep: only where a decision makes them admin, or they preside. */
export function VaultPage() {
  const { t } = useTranslation('vault');
  const list = useQuery({ queryKey: vaultKeys.list, queryFn: vaultApi.list });
  const columns: Column<VaultAccount>[] = [
    {
      key: 'account',
      header: t('col.account'),
      cell: (a) => (
        <Anchor component={Link} to={`/vault/${a.accountId}`}>
          {a.displayName} (@{a.handle})
        </Anchor>
      ),
    },
    { key: 'platform', header: t('col.platform'), cell: (a) => a.platform },
    { key: 'secrets', header: t('col.secrets'), cell: (a) => a.secrets },
    {
      key: 'status',
      header: t('col.status'),
      cell: (a) =>
        a.rotationDue > 0 ? (
          <Badge color="red" variant="light">
            {t('status.rotationDue', { count: a.rotationDue })}
          </Badge>
        ) : a.secrets === 0 ? (
          <Badge color="yellow" variant="light">
            {t('status.empty')}
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            {t('status.ok')}
          </Badge>
        ),
    },
  ];
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Text c="dimmed" maw={760}>
        {t('intro')}
      </Text>
      {list.isPending ? (
        <TableSkeleton rows={4} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Alert color="gray" title={t('empty.title')}>
          {t('empty.body')}
        </Alert>
      ) : (
        <Card withBorder padding={0}>
          <DataTable rows={list.data.items} columns={columns} rowKey={(a) => a.accountId} highlightOnHover />
        </Card>
      )}
    </Stack>
  );
}
