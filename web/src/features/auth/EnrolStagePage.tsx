import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../../app/session';
import { AuthTitle } from './AuthLayout';
import { EnrolFlow } from './EnrolFlow';
import { useRefreshSession } from './auth.api';

/** Stage `enrol`: the person's position requires 2FA, and it is not set up yet. */
export function EnrolStagePage() {
  const { t } = useTranslation('auth');
  const refresh = useRefreshSession();
  const signOut = useSignOut();
  return (
    <Stack gap="md">
      <AuthTitle>{t('enrol.title')}</AuthTitle>
      <Text size="sm">{t('enrol.required')}</Text>
      <EnrolFlow onDone={() => void refresh()} />
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => signOut.mutate(false)}>
        {t('totp.cancel')}
      </Anchor>
    </Stack>
  );
}
