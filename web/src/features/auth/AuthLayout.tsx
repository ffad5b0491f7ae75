import type { ReactNode } from 'react';
import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';

/** The frame of the screens before the app: sign-in, 2FA and enrolment. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" py="xl">
      <Container size={480} px="md">
        <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
          <Stack gap={0} style={{ flex: '1 1 220px' }}>
            <Text fw={700} fz="xl" component="p">
              {t('common:app.name')}
            </Text>
            <Text c="dimmed" size="sm">
              {t('common:app.tagline')}
            </Text>
          </Stack>
          <LanguageSwitcher />
        </Group>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" component="main">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}

/** The heading of an auth screen. */
export function AuthTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} fz="h2" mb="md">
      {children}
    </Title>
  );
}
