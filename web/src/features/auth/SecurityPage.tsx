import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { ChangePasswordForm } from './ChangePasswordForm';
import { EnrolFlow } from './EnrolFlow';
import { useRefreshSession } from './auth.api';

/** The user's own security: two-factor authentication and password. */
export function SecurityPage() {
  const { t } = useTranslation('auth');
  const user = useCurrentUser();
  const refresh = useRefreshSession();

  return (
    <Stack gap="lg">
      <Title order={1}>{t('security.title')}</Title>
      <Card withBorder padding="lg" component="section" aria-labelledby="security-2fa">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="h3" id="security-2fa">
            {t('security.twoFactor')}
          </Title>
          <Badge color={user.totpEnabled ? 'green' : 'yellow'} variant="light">
            {user.totpEnabled ? t('security.on') : t('security.off')}
          </Badge>
        </Group>
        {user.totpEnabled ? (
          <Text size="sm">{t('security.enabledText')}</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{user.twoFactorRequired ? t('enrol.required') : t('security.recommended')}</Text>
            <EnrolFlow onDone={() => void refresh()} />
          </Stack>
        )}
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="security-password">
        <Title order={2} fz="h3" id="security-password" mb="sm">
          {t('password.title')}
        </Title>
        <ChangePasswordForm />
      </Card>
    </Stack>
  );
}
