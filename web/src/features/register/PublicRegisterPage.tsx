import { useState } from 'react';
import { Anchor, Badge, Box, Card, Container, EmptyState, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicRegister } from '@courtdesk/contracts';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/errors';
import { useFormatDate } from '../../app/format';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';
import { IconSearch } from '../../app/icons';
import { normaliseForSearch } from '../institutions/institution-name';

type Inst = PublicRegister['institutions'][number];

function nameOf(i: Inst, lang: string): string {
  return lang === 'sr' ? i.nameSrLatn : lang === 'en' ? i.nameEn : i.nameSq;
}

/**
 * The public register of official accounts, open to everyone without signing in: citizens and
 * journalists check here that an account really belongs to a court (like the U.S. Digital Registry).
 */
export function PublicRegisterPage() {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const formatDate = useFormatDate();
  const [q, setQ] = useState('');
  const reg = useQuery({
    queryKey: ['public-register'],
    queryFn: ({ signal }) => api.get<PublicRegister>('/public/accounts.json', { signal, quiet401: true }),
  });
  const needle = normaliseForSearch(q.trim());
  const shown = (reg.data?.institutions ?? [])
    .map((i) => ({
      ...i,
      accounts: i.accounts.filter(
        (a) => !needle || normaliseForSearch(`${a.handle} ${a.displayName} ${i.nameSq} ${i.nameSrLatn} ${i.nameEn}`).includes(needle),
      ),
    }))
    .filter((i) => i.accounts.length > 0);
  return (
    <Box mih="100vh" bg="gray.0" py="xl">
      <Container size="lg" component="main">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={1}>{t('title')}</Title>
              <Text c="dimmed">{t('intro')}</Text>
            </Stack>
            <LanguageSwitcher />
          </Group>
          <TextInput label={t('search')} leftSection={<IconSearch />} value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={420} />
          <ErrorAlert error={reg.error} onRetry={() => void reg.refetch()} />
          {reg.isPending && <Loader aria-label={t('loading')} role="status" />}
          {reg.data && shown.length === 0 && <EmptyState title={t('emptyTitle')} description={t('emptyText')} />}
          {shown.map((i) => (
            <Card key={i.code} withBorder component="section" aria-labelledby={`inst-${i.code}`}>
              <Title order={2} size="h4" id={`inst-${i.code}`}>
                {nameOf(i, lang)}
              </Title>
              {i.website && (
                <Anchor href={i.website} size="sm" rel="noopener noreferrer">
                  {i.website}
                </Anchor>
              )}
              <Table.ScrollContainer minWidth={560}>
                <Table mt="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('platform')}</Table.Th>
                      <Table.Th scope="col">{t('handle')}</Table.Th>
                      <Table.Th scope="col">{t('name')}</Table.Th>
                      <Table.Th scope="col">{t('since')}</Table.Th>
                      <Table.Th scope="col">{t('status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {i.accounts.map((a) => (
                      <Table.Tr key={`${a.platform}:${a.handle}`}>
                        <Table.Td>{t(`platforms.${a.platform}`, { defaultValue: a.platform })}</Table.Td>
                        <Table.Td>
                          {a.url ? (
                            <Anchor href={a.url} rel="noopener noreferrer">
                              @{a.handle}
                            </Anchor>
                          ) : (
                            `@${a.handle}`
                          )}
                        </Table.Td>
                        <Table.Td>{a.displayName}</Table.Td>
                        <Table.Td>{a.openedAt ? formatDate(a.openedAt) : '—'}</Table.Td>
                        <Table.Td>
                          {a.verifiedByDecision ? (
                            <Badge color="green" variant="light">
                              {t('verified')}
                            </Badge>
                          ) : (
                            <Badge color="gray" variant="light">
                              {t('registered')}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          ))}
          {reg.data && (
            <Text size="xs" c="dimmed">
              {t('generated', { date: formatDate(reg.data.generatedAt) })} ·{' '}
              <Anchor href="/public/accounts.json" size="xs">
                JSON
              </Anchor>
            </Text>
          )}
        </Stack>
      </Container>
    </Box>
  );
}
