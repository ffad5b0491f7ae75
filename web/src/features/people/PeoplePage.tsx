import { useState } from 'react';
import { Badge, Button, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PersonStatus } from '@courtdesk/contracts';
import { useFormatDate } from '../../app/format';
import { IconPlus, IconUsers } from '../../app/icons';
import { ListTable, type Column } from '../../app/ui/DataTable';
import { useListParams } from '../../app/ui/list-params';
import { EnumFilter, FilterBar } from '../../app/ui/FilterBar';
import { PageHeader } from '../../app/ui/PageHeader';
import { useInstitutionName } from '../institutions/institution-name';
import { useInstitutions } from '../institutions/institutions.api';
import { InviteDialog } from './InviteDialog';
import { LeaveDialog } from './LeaveDialog';
import { PersonStatusBadge } from './PersonStatusBadge';
import { usePeople, type PersonRow } from './people.api';

/** Rows per page. */
export const pageSize = 20;

/** Everyone with a Courtdesk account, including those who left (history is never deleted). */
export function PeoplePage() {
  const { t } = useTranslation('people');
  const formatDate = useFormatDate();
  const institutionName = useInstitutionName();
  const institutions = useInstitutions();
  const { get, set, page, setPage } = useListParams();
  const institutionId = get('institution');
  const parsedStatus = PersonStatus.safeParse(get('status'));
  const status = parsedStatus.success ? parsedStatus.data : undefined;
  const people = usePeople({ institutionId, status, limit: pageSize, offset: (page - 1) * pageSize });
  const [inviting, setInviting] = useState(false);
  const [leaving, setLeaving] = useState<PersonRow | null>(null);

  const institutionLabel = (id: string) => {
    const found = institutions.data?.find((i) => i.id === id);
    return found ? institutionName(found) : id;
  };
  const filtered = Boolean(institutionId || status);
  const columns: Column<PersonRow>[] = [
    {
      key: 'name',
      header: t('field.name'),
      cell: (person) => (
        <>
          <Text size="sm" fw={500}>
            {person.name}
          </Text>
          <Text size="xs" c="dimmed">
            {person.email}
          </Text>
        </>
      ),
    },
    { key: 'position', header: t('field.position'), cell: (person) => t(`position.${person.position}`) },
    { key: 'institution', header: t('field.institution'), cell: (person) => institutionLabel(person.institutionId) },
    {
      key: 'status',
      header: t('field.status'),
      cell: (person) => (
        <Stack gap={2} align="flex-start">
          <PersonStatusBadge status={person.status} />
          {person.leftAt && (
            <Text size="xs" c="dimmed">
              {t('list.leftOn', { date: formatDate(person.leftAt) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'twoFactor',
      header: t('field.twoFactor'),
      cell: (person) => (
        <Badge variant="dot" color={person.totpEnabled ? 'green' : 'gray'}>
          {person.totpEnabled ? t('list.twoFactorOn') : t('list.twoFactorOff')}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: <VisuallyHidden>{t('list.actions')}</VisuallyHidden>,
      cell: (person) =>
        person.status === 'active' &&
        person.canLeave !== false && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => setLeaving(person)}
            aria-label={t('leave.openFor', { name: person.name })}
          >
            {t('leave.open')}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('list.title')}
        intro={t('list.intro')}
        actions={
          people.data?.canInvite !== false && (
            <Button leftSection={<IconPlus />} onClick={() => setInviting(true)}>
              {t('invite.open')}
            </Button>
          )
        }
      />

      <FilterBar>
        <Select
          label={t('field.institution')}
          placeholder={t('list.allInstitutions')}
          data={(institutions.data ?? []).map((i) => ({ value: i.id, label: institutionName(i) }))}
          value={institutionId ?? null}
          onChange={(v) => set('institution', v)}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('list.clearInstitution') }}
          w={{ base: '100%', sm: 320 }}
        />
        <EnumFilter
          label={t('field.status')}
          placeholder={t('list.allStatuses')}
          options={PersonStatus.options}
          optionLabel={(s) => t(`status.${s}`)}
          value={status}
          onChange={(v) => set('status', v)}
          clearButtonProps={{ 'aria-label': t('list.clearStatus') }}
          width={200}
        />
      </FilterBar>

      <ListTable
        query={people}
        columns={columns}
        rowKey={(person) => person.id}
        caption={t('list.caption')}
        minWidth={820}
        verticalSpacing="sm"
        skeletonRows={8}
        empty={{
          icon: <IconUsers />,
          title: filtered ? t('list.noMatchTitle') : t('list.emptyTitle'),
          description: filtered ? t('list.noMatchText') : t('list.emptyText'),
        }}
        paging={{ page, pageSize, onChange: setPage, showRange: true }}
      />

      <InviteDialog opened={inviting} onClose={() => setInviting(false)} />
      <LeaveDialog person={leaving} onClose={() => setLeaving(null)} />
    </Stack>
  );
}
