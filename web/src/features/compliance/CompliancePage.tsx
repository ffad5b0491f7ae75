import { Anchor, Badge, EmptyState, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ComplianceReport } from '@courtdesk/contracts';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/errors';
import { IconShield } from '../../app/icons';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { InstitutionSelect, useInstitutionOptions } from '../decisions/authority-ui';

/** Every failing check with its article and how to fix it: one institution, or the whole judiciary (KJC). */
export function CompliancePage() {
  const { t } = useTranslation('compliance');
  const ta = useTranslation('accounts').t;
  const [params, setParams] = useSearchParams();
  const institutionId = params.get('institution') ?? undefined;
  const { label } = useInstitutionOptions();
  const report = useQuery({
    queryKey: ['compliance', institutionId],
    queryFn: ({ signal }) => api.get<ComplianceReport>('/api/compliance', { signal, query: { institutionId } }),
  });
  const setInstitution = (v: string | null) =>
    setParams(
      (o) => {
        const n = new URLSearchParams(o);
        if (v) n.set('institution', v);
        else n.delete('institution');
        return n;
      },
      { replace: true },
    );
  const withAccounts = report.data?.institutions.filter((i) => i.accounts > 0 || i.failing > 0 || i.openOffboarding > 0) ?? [];
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" size="sm">
          {t('intro')}
        </Text>
      </Stack>
      <InstitutionSelect
        label={t('institution')}
        placeholder={t('allInstitutions')}
        value={institutionId ?? null}
        onChange={setInstitution}
        clearable
      />
      <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      {report.isPending && <TableSkeleton rows={8} />}
      {report.data && (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Caption>{t('summaryCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('institution')}</Table.Th>
                  <Table.Th scope="col">{t('accounts')}</Table.Th>
                  <Table.Th scope="col">{t('failing')}</Table.Th>
                  <Table.Th scope="col">{t('pending')}</Table.Th>
                  <Table.Th scope="col">{t('offboarding')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {withAccounts.map((i) => (
                  <Table.Tr key={i.institutionId}>
                    <Table.Td>
                      <Anchor component="button" onClick={() => setInstitution(i.institutionId)}>
                        {label(i.institutionId)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{i.accounts}</Table.Td>
                    <Table.Td>
                      {i.failing === 0 ? (
                        <Badge color="green" variant="light">
                          0
                        </Badge>
                      ) : (
                        <Badge color="red" variant="light">
                          {i.failing}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{i.pendingRequests}</Table.Td>
                    <Table.Td>
                      {i.openOffboarding > 0 ? (
                        <Anchor component={Link} to="/offboarding">
                          {i.openOffboarding}
                        </Anchor>
                      ) : (
                        0
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Title order={2} size="h4">
            {t('findings')}
          </Title>
          {report.data.rows.length === 0 ? (
            <EmptyState icon={<IconShield />} title={t('emptyTitle')} description={t('emptyText')} />
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped verticalSpacing="sm">
                <Table.Caption>{t('findingsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('account')}</Table.Th>
                    <Table.Th scope="col">{t('check')}</Table.Th>
                    <Table.Th scope="col">{t('article')}</Table.Th>
                    <Table.Th scope="col">{t('fix')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.rows.map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        {r.account ? (
                          <Anchor component={Link} to={`/accounts/${r.account.id}`}>
                            @{r.account.handle}
                          </Anchor>
                        ) : (
                          '—'
                        )}
                        <Text size="xs" c="dimmed">
                          {label(r.institutionId)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {ta(`check.${r.check.code}.title`)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {ta(`check.${r.check.code}.fail`, { ...r.check.params, defaultValue: r.check.message })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge variant="outline">{ta('article', { article: r.check.article })}</Badge>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{ta(`check.${r.check.code}.fix`, { ...r.check.params, defaultValue: r.check.fix ?? '' })}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
