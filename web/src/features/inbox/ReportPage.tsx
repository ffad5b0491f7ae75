import '@mantine/charts/styles.css';
import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors';
import { useCurrentUser } from '../../app/session';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { useInstitutionName } from '../institutions/institution-name';
import { useInstitutions } from '../institutions/institutions.api';
import { useTransparencyReport } from './inbox.api';

const COLORS: Record<string, string> = {
  insult: 'red.6',
  slur: 'grape.6',
  threat: 'orange.6',
  defamation: 'yellow.6',
  doxxing: 'cyan.6',
  spam: 'gray.6',
  other: 'indigo.6',
};

/** Per-institution transparency report: removed comments by category, per month, with a chart. */
export function ReportPage() {
  const { t } = useTranslation('inbox');
  const user = useCurrentUser();
  const institutions = useInstitutions();
  const institutionName = useInstitutionName();
  const [institutionId, setInstitutionId] = useState(user.institutionId);
  const [months, setMonths] = useState(6);
  const report = useTransparencyReport(institutionId, months);
  const r = report.data;
  const data = (r?.months ?? []).map((m) => ({
    month: m.month,
    ...Object.fromEntries(r!.categories.map((c) => [c, m.byCategory[c] ?? 0])),
  }));
  const series = (r?.categories ?? []).map((c) => ({
    name: c,
    label: t(`category.${c}`, { defaultValue: c }),
    color: COLORS[c] ?? 'indigo.6',
  }));
  return (
    <Stack gap="md">
      <Title order={1}>{t('report.title')}</Title>
      <Text c="dimmed" maw={760}>
        {t('report.intro')}
      </Text>
      <Group gap="sm">
        <Select
          label={t('report.institution')}
          w={320}
          value={institutionId}
          onChange={(v) => v && setInstitutionId(v)}
          allowDeselect={false}
          data={(institutions.data ?? []).map((i) => ({ value: i.id, label: institutionName(i) }))}
        />
        <Select
          label={t('report.months')}
          w={200}
          value={String(months)}
          onChange={(v) => v && setMonths(Number(v))}
          allowDeselect={false}
          data={[3, 6, 12, 24].map((n) => ({ value: String(n), label: t('report.monthsValue', { count: n }) }))}
        />
      </Group>
      {report.isPending ? (
        <TableSkeleton rows={5} />
      ) : report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        r && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              {(['received', 'removed', 'hidden', 'deleted', 'restored'] as const).map((k) => (
                <Card withBorder key={k} padding="sm">
                  <Text size="xs" c="dimmed">
                    {t(`report.${k}`)}
                  </Text>
                  <Text fw={700} size="xl">
                    {r.totals[k]}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
            <Card withBorder>
              <Text fw={600} mb="sm" id="inbox-report-chart">
                {t('report.chartLabel')}
              </Text>
              <div role="img" aria-labelledby="inbox-report-chart">
                <BarChart h={300} data={data} dataKey="month" type="stacked" series={series} withLegend />
              </div>
            </Card>
            <Card withBorder padding={0}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('report.month')}</Table.Th>
                    {r.categories.map((c) => (
                      <Table.Th key={c}>{t(`category.${c}`, { defaultValue: c })}</Table.Th>
                    ))}
                    <Table.Th>{t('report.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.months.map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Td>{m.month}</Table.Td>
                      {r.categories.map((c) => (
                        <Table.Td key={c}>{m.byCategory[c] ?? 0}</Table.Td>
                      ))}
                      <Table.Td fw={700}>{m.total}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </>
        )
      )}
    </Stack>
  );
}
