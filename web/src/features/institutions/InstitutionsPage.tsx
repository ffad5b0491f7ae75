import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, EmptyState, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { InstitutionKind, type Institution } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { IconBuilding, IconSearch } from '../../app/icons';
import { TableSkeleton } from '../../app/ui/TableSkeleton';
import { matchesSearch, useInstitutionName } from './institution-name';
import { useInstitutions } from './institutions.api';

function InstitutionRow({ institution }: { institution: Institution }) {
  const { t } = useTranslation('institutions');
  const name = useInstitutionName();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/institutions/${encodeURIComponent(institution.id)}`}>
          {name(institution)}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color="gray">
          {t(`kind.${institution.kind}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{institution.seat}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {institution.languages.map((lang) => (
            <Badge key={lang} variant="outline" size="sm" title={t(`common:contentLanguage.${lang}`)}>
              {lang.toUpperCase()}
            </Badge>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** All institutions the user can see, with a search box and a filter by kind. */
export function InstitutionsPage() {
  const { t } = useTranslation('institutions');
  const institutions = useInstitutions();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<string | null>(null);

  const visible = useMemo(
    () => (institutions.data ?? []).filter((item) => (!kind || item.kind === kind) && matchesSearch(item, search)),
    [institutions.data, kind, search],
  );

  const filtered = Boolean(search.trim() || kind);
  const clearFilters = () => {
    setSearch('');
    setKind(null);
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('list.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('list.intro')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={{ base: '100%', sm: 320 }}
        />
        <Select
          label={t('list.kind')}
          placeholder={t('list.allKinds')}
          data={InstitutionKind.options.map((value) => ({ value, label: t(`kind.${value}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          clearButtonProps={{ 'aria-label': t('list.clearKind') }}
          w={{ base: '100%', sm: 240 }}
        />
      </Group>

      <ErrorAlert error={institutions.error} onRetry={() => void institutions.refetch()} />
      {institutions.isPending && <TableSkeleton />}

      {institutions.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('list.count', { count: visible.length })}
          </Text>
          {visible.length === 0 ? (
            <EmptyState
              icon={<IconBuilding />}
              title={filtered ? t('list.noMatchTitle') : t('list.emptyTitle')}
              description={filtered ? t('list.noMatchText') : t('list.emptyText')}
            >
              {filtered && (
                <EmptyState.Actions>
                  <Button variant="light" onClick={clearFilters}>
                    {t('list.clearFilters')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover verticalSpacing="sm">
                <Table.Caption>{t('list.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('field.name')}</Table.Th>
                    <Table.Th scope="col">{t('field.kind')}</Table.Th>
                    <Table.Th scope="col">{t('field.seat')}</Table.Th>
                    <Table.Th scope="col">{t('field.languages')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {visible.map((institution) => (
                    <InstitutionRow key={institution.id} institution={institution} />
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
