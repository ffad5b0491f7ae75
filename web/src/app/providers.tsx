import { useEffect, useState, type ReactNode } from 'react';
import { Badge, MantineProvider, createTheme } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { onCsrfInvalid, onUnauthenticated } from './api';
import { createQueryClient } from './query-client';
import { meQueryKey, resetSession } from './session';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  components: {
    // Status words such as "I/e dorëhequr" must be read whole: no capitals, no ellipsis.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none', overflow: 'visible' }, label: { overflow: 'visible' } } }),
  },
});

/**
 * When the server says the session is gone, drop cached data and show sign-in again;
 * when it rejects the CSRF token, fetch the current one so that trying again works.
 */
function SessionWatcher({ client }: { client: QueryClient }) {
  useEffect(() => onCsrfInvalid(() => void client.invalidateQueries({ queryKey: meQueryKey })), [client]);
  useEffect(
    () =>
      onUnauthenticated(() => {
        const wasSignedIn = Boolean((client.getQueryData(meQueryKey) as { user?: unknown } | undefined)?.user);
        resetSession(client);
        if (wasSignedIn) {
          notifications.show({ color: 'yellow', message: i18n.t('common:errors.unauthenticated') });
        }
      }),
    [client],
  );
  return null;
}

interface ProvidersProps {
  children: ReactNode;
  /** Tests pass their own client; the app creates one. */
  queryClient?: QueryClient;
}

/** Theme, translations, data fetching and notifications for the whole app. */
export function Providers({ children, queryClient }: ProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={client}>
          <SessionWatcher client={client} />
          <Notifications position="top-right" />
          {children}
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
