import { Anchor, Badge, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ComplianceReport, ComplianceRow } from '@courtdesk/contracts';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/errors';
import { IconShield } from '../../app/icons';
import { DataTable, type Column } from '../../app/ui/DataTable';
import { useListParams } from '../../app/ui/list-params';
import { PageHeader } from '../../app/ui/PageHeader';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { InstitutionSelect, useInstitutionOptions } from '../decisions/authority-ui';

/** Every failing check with its article and how to fix it: one institution, or the whole judiciary (KJC). */
export function CompliancePage() {
  const { t } = useTranslation('compliance');
  const ta = useTranslation('accounts').t;
  const { get, set } = useListParams();
  const institutionId = get('institution');
  const { label } = useInstitutionOptions();
  const report = useQuery({
    queryKey: ['compliance', institutionId],
    queryFn: ({ signal }) => api.get<ComplianceReport>('/api/compliance', { signal, query: { institutionId } }),
  });
  const setInstitution = (v: string | null) => set('institution', v);
  const withAccounts = report.data?.institutions.filter((i) => i.accounts > 0 || i.failing > 0 || i.openOffboarding > 0) ?? [];
  const summaryColumns: Column<ComplianceReport['institutions'][number]>[] = [
    {
      key: 'institution',
      header: t('institution'),
      cell: (i) => (
        <Anchor component="button" onClick={() => setInstitution(i.institutionId)}>
          {label(i.institutionId)}
        </Anchor>
      ),
    },
    { key: 'accounts', header: t('accounts'), cell: (i) => i.accounts },
    {
      key: 'failing',
      header: t('failing'),
      cell: (i) => (
        <Badge color={i.failing === 0 ? 'green' : 'red'} variant="light">
          {i.failing}
        </Badge>
      ),
    },
    { key: 'pending', header: t('pending'), cell: (i) => i.pendingRequests },
    {
      key: 'offboarding',
      header: t('offboarding'),
      cell: (i) =>
        i.openOffboarding > 0 ? (
          <Anchor component={Link} to="/offboarding">
            {i.openOffboarding}
          </Anchor>
        ) : (
          0
        ),
    },
  ];
  const findingColumns: Column<ComplianceRow>[] = [
    {
      key: 'account',
      header: t('account'),
      cell: (r) => (
        <>
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
        </>
      ),
    },
    {
      key: 'check',
      header: t('check'),
      cell: (r) => (
        <>
          <Text size="sm" fw={500}>
            {ta(`check.${r.check.code}.title`)}
          </Text>
          <Text size="xs" c="dimmed">
            {ta(`check.${r.check.code}.fail`, { ...r.check.params, defaultValue: r.check.message })}
          </Text>
        </>
      ),
    },
    {
      key: 'article',
      header: t('article'),
      cell: (r) => (
        <Group gap={4}>
          <Badge variant="outline">{ta('article', { article: r.check.article })}</Badge>
        </Group>
      ),
    },
    {
      key: 'fix',
      header: t('fix'),
      cell: (r) => <Text size="sm">{ta(`check.${r.check.code}.fix`, { ...r.check.params, defaultValue: r.check.fix ?? '' })}</Text>,
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t('title')} intro={t('intro')} />
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
          <DataTable
            rows={withAccounts}
            columns={summaryColumns}
            rowKey={(i) => i.institutionId}
            caption={t('summaryCaption')}
            minWidth={640}
          />
          <Title order={2} size="h4">
            {t('findings')}
          </Title>
          {report.data.rows.length === 0 ? (
            <EmptyState icon={<IconShield />} title={t('emptyTitle')} description={t('emptyText')} />
          ) : (
            <DataTable
              rows={report.data.rows}
              columns={findingColumns}
              rowKey={(_, i) => String(i)}
              caption={t('findingsCaption')}
              minWidth={860}
              verticalSpacing="sm"
            />
          )}
        </>
      )}
    </Stack>
  );
}
