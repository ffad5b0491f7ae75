import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useErrorMessage } from '../../app/errors';
import { useFormatDate } from '../../app/format';
import { useMe } from '../../app/session';
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
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pack.article')}</Table.Th>
              <Table.Th>{t('pack.rule')}</Table.Th>
              <Table.Th>{t('pack.severity')}</Table.Th>
              <Table.Th>{t('pack.detector')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.rules.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.article}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.id}
                  </Text>
                  {r.description && (
                    <Text size="xs" c="dimmed">
                      {r.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={r.severity === 'block' ? 'red' : 'yellow'} variant="light">
                    {t(`severity.${r.severity}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.kind}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Title order={2} size="h3">
        {t('pack.lists')}
      </Title>
      <Card withBorder padding={0}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pack.list')}</Table.Th>
              <Table.Th>{t('pack.terms')}</Table.Th>
              <Table.Th>{t('pack.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.lists.map((l) => (
              <Table.Tr key={l.name}>
                <Table.Td>
                  {l.name}
                  <Text size="xs" c="dimmed">
                    {l.file}
                  </Text>
                </Table.Td>
                <Table.Td>{l.terms}</Table.Td>
                <Table.Td>
                  <Text size="xs">{l.source}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
