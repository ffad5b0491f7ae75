import { useState } from 'react';
import { Anchor, Badge, Button, EmptyState, Group, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DecisionKind, DecisionState } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { useFormatDate } from '../../app/format';
import { IconPlus, IconShield } from '../../app/icons';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { DecisionStateBadge, InstitutionSelect, useInstitutionOptions } from './authority-ui';
import { useDecisions } from './decisions.api';
import { IssueDecisionModal } from './IssueDecisionModal';

const pageSize = 20;

/** Every decision of the leadership the user may see, newest first; revoked and superseded ones stay listed. */
export function DecisionsPage() {
  const { t } = useTranslation('decisions');
  const formatDate = useFormatDate();
  const [params, setParams] = useSearchParams();
  const set = (k: string, v: string | null) =>
    setParams(
      (old) => {
        const n = new URLSearchParams(old);
        if (v) n.set(k, v);
        else n.delete(k);
        if (k !== 'page') n.delete('page');
        return n;
      },
      { replace: true },
    );
  const kind = DecisionKind.safeParse(params.get('kind'));
  const state = DecisionState.safeParse(params.get('state'));
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const institutionId = params.get('institution') ?? undefined;
  const list = useDecisions({
    institutionId,
    kind: kind.success ? kind.data : undefined,
    state: state.success ? state.data : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const { label } = useInstitutionOptions();
  const [issuing, setIssuing] = useState(false);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('list.intro')}
          </Text>
        </Stack>
        <Group>
          <Button component={Link} to="/editor-requests" variant="default">
            {t('requests.title')}
          </Button>
          {list.data?.canIssue && (
            <Button leftSection={<IconPlus />} onClick={() => setIssuing(true)}>
              {t('list.issue')}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <InstitutionSelect
          label={t('field.institution')}
          placeholder={t('list.allInstitutions')}
          value={institutionId ?? null}
          onChange={(v) => set('institution', v)}
          clearable
        />
        <Select
          label={t('field.kind')}
          placeholder={t('list.allKinds')}
          data={DecisionKind.options.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          value={kind.success ? kind.data : null}
          onChange={(v) => set('kind', v)}
          clearable
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label={t('field.state')}
          placeholder={t('list.allStates')}
          data={DecisionState.options.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={state.success ? state.data : null}
          onChange={(v) => set('state', v)}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending && <TableSkeleton rows={6} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <EmptyState icon={<IconShield />} title={t('list.emptyTitle')} description={t('list.emptyText')} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table striped verticalSpacing="sm" aria-busy={list.isFetching}>
                <Table.Caption>{t('list.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('field.number')}</Table.Th>
                    <Table.Th scope="col">{t('field.kind')}</Table.Th>
                    <Table.Th scope="col">{t('field.institution')}</Table.Th>
                    <Table.Th scope="col">{t('field.people')}</Table.Th>
                    <Table.Th scope="col">{t('field.effect')}</Table.Th>
                    <Table.Th scope="col">{t('field.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/decisions/${d.id}`} fw={500}>
                          {d.number}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {formatDate(d.decidedOn)} · {d.issuedBy.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {t(`kind.${d.kind}`)}
                        {d.level && (
                          <Badge ml="xs" size="sm" variant="outline">
                            {t(`level.${d.level}`)}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{label(d.institutionId)}</Table.Td>
                      <Table.Td>{d.people.map((p) => p.name).join(', ') || '—'}</Table.Td>
                      <Table.Td>
                        {formatDate(d.effectFrom)}
                        {d.effectUntil ? ` – ${formatDate(d.effectUntil)}` : ''}
                      </Table.Td>
                      <Table.Td>
                        <DecisionStateBadge state={d.state} />
                        {!d.file && (
                          <Text size="xs" c="orange">
                            {t('list.noFile')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={Math.min(page, pages)}
                onChange={(p) => set('page', p > 1 ? String(p) : null)}
                getItemProps={(p) => ({ 'aria-label': t('list.page', { page: p }) })}
              />
            )}
          </>
        ))}
      {issuing && <IssueDecisionModal opened onClose={() => setIssuing(false)} preset={institutionId ? { institutionId } : undefined} />}
    </Stack>
  );
}
