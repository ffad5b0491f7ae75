import { Alert, Anchor, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/errors';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { vaultApi, vaultKeys } from './vault.api';

/** The accounts whose secrets this person may keep: only where a decision makes them admin, or they preside. */
export function VaultPage() {
  const { t } = useTranslation('vault');
  const list = useQuery({ queryKey: vaultKeys.list, queryFn: vaultApi.list });
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
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('col.account')}</Table.Th>
                <Table.Th>{t('col.platform')}</Table.Th>
                <Table.Th>{t('col.secrets')}</Table.Th>
                <Table.Th>{t('col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.accountId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/vault/${a.accountId}`}>
                      {a.displayName} (@{a.handle})
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.platform}</Table.Td>
                  <Table.Td>{a.secrets}</Table.Td>
                  <Table.Td>
                    {a.rotationDue > 0 ? (
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
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
