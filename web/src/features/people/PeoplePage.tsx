import { useState } from 'react';
import { Badge, Button, EmptyState, Group, Pagination, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PersonStatus } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { useFormatDate } from '../../app/format';
import { IconPlus, IconUsers } from '../../app/icons';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { useInstitutionName } from '../institutions/institution-name';
import { useInstitutions } from '../institutions/institutions.api';
import { InviteDialog } from './InviteDialog';
import { LeaveDialog } from './LeaveDialog';
import { PersonStatusBadge } from './PersonStatusBadge';
import { usePeople, type PersonRow } from './people.api';

/** Rows per page. */
export const pageSize = 20;

/** Filters and page live in the URL, so a filtered list can be bookmarked and shared. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const status = PersonStatus.safeParse(params.get('status'));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return {
    institutionId: params.get('institution') ?? undefined,
    status: status.success ? status.data : undefined,
    page,
    setInstitution: (id: string | null) => update({ institution: id, page: null }),
    setStatus: (value: string | null) => update({ status: value, page: null }),
    setPage: (value: number) => update({ page: value > 1 ? String(value) : null }),
  };
}

/** Everyone with a Courtdesk account, including those who left (history is never deleted). */
export function PeoplePage() {
  const { t } = useTranslation('people');
  const formatDate = useFormatDate();
  const institutionName = useInstitutionName();
  const institutions = useInstitutions();
  const list = useListParams();
  const people = usePeople({
    institutionId: list.institutionId,
    status: list.status,
    limit: pageSize,
    offset: (list.page - 1) * pageSize,
  });
  const [inviting, setInviting] = useState(false);
  const [leaving, setLeaving] = useState<PersonRow | null>(null);

  const institutionLabel = (id: string) => {
    const found = institutions.data?.find((i) => i.id === id);
    return found ? institutionName(found) : id;
  };
  const total = people.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (list.page - 1) * pageSize + 1;
  const to = Math.min(total, list.page * pageSize);
  const filtered = Boolean(list.institutionId || list.status);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('list.intro')}
          </Text>
        </Stack>
        {people.data?.canInvite !== false && (
          <Button leftSection={<IconPlus />} onClick={() => setInviting(true)}>
            {t('invite.open')}
          </Button>
        )}
      </Group>

      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('field.institution')}
          placeholder={t('list.allInstitutions')}
          data={(institutions.data ?? []).map((i) => ({ value: i.id, label: institutionName(i) }))}
          value={list.institutionId ?? null}
          onChange={list.setInstitution}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('list.clearInstitution') }}
          w={{ base: '100%', sm: 320 }}
        />
        <Select
          label={t('field.status')}
          placeholder={t('list.allStatuses')}
          data={PersonStatus.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={list.status ?? null}
          onChange={list.setStatus}
          clearable
          clearButtonProps={{ 'aria-label': t('list.clearStatus') }}
          w={{ base: '100%', sm: 200 }}
        />
      </Group>

      <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />
      {people.isPending && <TableSkeleton rows={8} />}

      {people.data &&
        (people.data.items.length === 0 ? (
          <EmptyState
            icon={<IconUsers />}
            title={filtered ? t('list.noMatchTitle') : t('list.emptyTitle')}
            description={filtered ? t('list.noMatchText') : t('list.emptyText')}
          />
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('list.range', { from, to, total })}
            </Text>
            <Table.ScrollContainer minWidth={820}>
              <Table striped verticalSpacing="sm" aria-busy={people.isFetching}>
                <Table.Caption>{t('list.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('field.name')}</Table.Th>
                    <Table.Th scope="col">{t('field.position')}</Table.Th>
                    <Table.Th scope="col">{t('field.institution')}</Table.Th>
                    <Table.Th scope="col">{t('field.status')}</Table.Th>
                    <Table.Th scope="col">{t('field.twoFactor')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.data.items.map((person) => (
                    <Table.Tr key={person.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {person.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {person.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`position.${person.position}`)}</Table.Td>
                      <Table.Td>{institutionLabel(person.institutionId)}</Table.Td>
                      <Table.Td>
                        <Stack gap={2} align="flex-start">
                          <PersonStatusBadge status={person.status} />
                          {person.leftAt && (
                            <Text size="xs" c="dimmed">
                              {t('list.leftOn', { date: formatDate(person.leftAt) })}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={person.totpEnabled ? 'green' : 'gray'}>
                          {person.totpEnabled ? t('list.twoFactorOn') : t('list.twoFactorOff')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {person.status === 'active' && person.canLeave !== false && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setLeaving(person)}
                            aria-label={t('leave.openFor', { name: person.name })}
                          >
                            {t('leave.open')}
                          </Button>
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
                value={Math.min(list.page, pages)}
                onChange={list.setPage}
                getControlProps={(control) => ({
                  'aria-label': t(`list.pagination.${control}`),
                })}
                getItemProps={(page) => ({ 'aria-label': t('list.pagination.page', { page }) })}
              />
            )}
          </>
        ))}

      <InviteDialog opened={inviting} onClose={() => setInviting(false)} />
      <LeaveDialog person={leaving} onClose={() => setLeaving(null)} />
    </Stack>
  );
}
