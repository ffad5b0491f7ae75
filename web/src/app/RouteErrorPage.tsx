import { Button, Container, Stack, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './errors';

/** Shown when a screen throws while rendering: plain words and a way back, never a stack trace. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Title order={1}>{t('errors.pageTitle')}</Title>
        <ErrorAlert error={error ?? true} />
        <Button onClick={() => window.location.assign('/')} w="fit-content">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Container>
  );
}
