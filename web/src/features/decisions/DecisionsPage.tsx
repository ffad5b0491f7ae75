import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DecisionKind, DecisionState, type Decision } from '@courtdesk/contracts';
import { useFormatDate } from '../../app/format';
import { IconPlus, IconShield } from '../../app/icons';
import { ListTable, type Column } from '../../app/ui/DataTable';
import { useListParams } from '../../app/ui/list-params';
import { EnumFilter, FilterBar } from '../../app/ui/FilterBar';
import { PageHeader } from '../../app/ui/PageHeader';
import { DecisionStateBadge, InstitutionSelect, useInstitutionOptions } from './authority-ui';
import { useDecisions } from './decisions.api';
import { IssueDecisionModal } from './IssueDecisionModal';

const pageSize = 20;

/** Every decision of the leadership the user may see, newest first; revoked and superseded ones stay listed. */
export function DecisionsPage() {
  const { t } = useTranslation('decisions');
  const formatDate = useFormatDate();
  const { get, set, page, setPage } = useListParams();
  const kind = DecisionKind.safeParse(get('kind'));
  const state = DecisionState.safeParse(get('state'));
  const institutionId = get('institution');
  const list = useDecisions({
    institutionId,
    kind: kind.success ? kind.data : undefined,
    state: state.success ? state.data : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const { label } = useInstitutionOptions();
  const [issuing, setIssuing] = useState(false);
  const columns: Column<Decision>[] = [
    {
      key: 'number',
      header: t('field.number'),
      cell: (d) => (
        <>
          <Anchor component={Link} to={`/decisions/${d.id}`} fw={500}>
            {d.number}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatDate(d.decidedOn)} · {d.issuedBy.name}
          </Text>
        </>
      ),
    },
    {
      key: 'kind',
      header: t('field.kind'),
      cell: (d) => (
        <>
          {t(`kind.${d.kind}`)}
          {d.level && (
            <Badge ml="xs" size="sm" variant="outline">
              {t(`level.${d.level}`)}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'institution', header: t('field.institution'), cell: (d) => label(d.institutionId) },
    { key: 'people', header: t('field.people'), cell: (d) => d.people.map((p) => p.name).join(', ') || '—' },
    {
      key: 'effect',
      header: t('field.effect'),
      cell: (d) => `${formatDate(d.effectFrom)}${d.effectUntil ? ` – ${formatDate(d.effectUntil)}` : ''}`,
    },
    {
      key: 'state',
      header: t('field.state'),
      cell: (d) => (
        <>
          <DecisionStateBadge state={d.state} />
          {!d.file && (
            <Text size="xs" c="orange">
              {t('list.noFile')}
            </Text>
          )}
        </>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('list.title')}
        intro={t('list.intro')}
        actions={
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
        }
      />
      <FilterBar>
        <InstitutionSelect
          label={t('field.institution')}
          placeholder={t('list.allInstitutions')}
          value={institutionId ?? null}
          onChange={(v) => set('institution', v)}
          clearable
        />
        <EnumFilter
          label={t('field.kind')}
          placeholder={t('list.allKinds')}
          options={DecisionKind.options}
          optionLabel={(k) => t(`kind.${k}`)}
          value={kind.success ? kind.data : null}
          onChange={(v) => set('kind', v)}
          width={260}
        />
        <EnumFilter
          label={t('field.state')}
          placeholder={t('list.allStates')}
          options={DecisionState.options}
          optionLabel={(s) => t(`state.${s}`)}
          value={state.success ? state.data : null}
          onChange={(v) => set('state', v)}
          width={200}
        />
      </FilterBar>
      <ListTable
        query={list}
        columns={columns}
        rowKey={(d) => d.id}
        caption={t('list.caption')}
        minWidth={860}
        verticalSpacing="sm"
        empty={{ icon: <IconShield />, title: t('list.emptyTitle'), description: t('list.emptyText') }}
        paging={{ page, pageSize, onChange: setPage }}
      />
      {issuing && <IssueDecisionModal opened onClose={() => setIssuing(false)} preset={institutionId ? { institutionId } : undefined} />}
    </Stack>
  );
}
