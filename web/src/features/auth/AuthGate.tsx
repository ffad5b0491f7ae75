import { useEffect, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@courtdesk/contracts';
import { ErrorAlert } from '../../app/errors';
import { CurrentUserProvider, useMe } from '../../app/session';
import { setUiLocale } from '../../i18n/i18n';
import { AuthLayout } from './AuthLayout';
import { EnrolStagePage } from './EnrolStagePage';
import { SignInPage } from './SignInPage';
import { TotpPage } from './TotpPage';
import { PasswordStagePage } from './PasswordStagePage';

/** Applies the signed-in user's saved language once per user (and whenever it is changed elsewhere). */
function useUserLocale(user: SessionUser | null | undefined): void {
  const locale = user?.locale;
  useEffect(() => {
    if (locale) void setUiLocale(locale);
  }, [user?.id, locale]);
}

/** A full-page spinner with an accessible name. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh">
      <Loader aria-label={t('common:state.loading')} role="status" />
    </Center>
  );
}

/**
 * Shows the app only to a fully signed-in user; otherwise the sign-in step the session is at.
 * The URL is kept, so after signing in the user lands where they were going.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const me = useMe();
  useUserLocale(me.data?.user);

  if (!me.data) {
    if (me.isError) {
      return (
        <AuthLayout>
          <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
        </AuthLayout>
      );
    }
    return <PageLoader />;
  }

  const { user, stage } = me.data;
  if (!user || !stage) {
    return (
      <AuthLayout>
        <SignInPage />
      </AuthLayout>
    );
  }
  if (stage === 'totp') {
    return (
      <AuthLayout>
        <TotpPage />
      </AuthLayout>
    );
  }
  if (stage === 'enrol') {
    return (
      <AuthLayout>
        <EnrolStagePage />
      </AuthLayout>
    );
  }
  if (user.mustChangePassword) {
    return (
      <AuthLayout>
        <PasswordStagePage />
      </AuthLayout>
    );
  }
  return <CurrentUserProvider user={user}>{children}</CurrentUserProvider>;
}
