import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After signing in with a one-time password (an invitation), the person chooses their own first. */
export function PasswordStagePage() {
  const { t } = useTranslation('auth');
  return (
    <Stack gap="md">
      <Title order={2}>{t('password.requiredTitle')}</Title>
      <Text size="sm">{t('password.requiredIntro')}</Text>
      <ChangePasswordForm />
    </Stack>
  );
}
