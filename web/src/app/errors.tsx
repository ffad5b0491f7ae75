import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** Error codes with their own sentence in `common:errors.*`; others show the server's message. */
export const knownErrorCodes = [
  'invalid_credentials',
  'locked_out',
  'invalid_code',
  'csrf_invalid',
  'validation_failed',
  'forbidden',
  'not_found',
  'unauthenticated',
  'rate_limited',
  'payload_too_large',
  'conflict',
  'network_error',
] as const;

/** Plain-words message for any thrown value, in the current language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    // Server faults carry English technical text; say it plainly in the user's language instead.
    if (error.status >= 500) return t('common:errors.unknown');
    if ((knownErrorCodes as readonly string[]).includes(error.code)) {
      return t(`common:errors.${error.code}`);
    }
    if (error.message) return error.message;
  }
  return t('common:errors.unknown');
}

/** Hook form of {@link errorMessage}. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => errorMessage(t, error);
}

interface ErrorAlertProps {
  error: unknown;
  /** Title above the message; defaults to a generic "That did not work". */
  title?: string;
  onRetry?: () => void;
}

/** A red alert that says what went wrong, in plain words; renders nothing without an error. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title ?? t('common:errors.title')}>
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common:actions.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
