import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOffboarding } from './offboarding.api';

/** A compact card for the home page: open off-boarding items and the oldest one's age (art. 5.7). */
export function OffboardingSummary() {
  const { t } = useTranslation('offboarding');
  const q = useOffboarding({ status: 'open', limit: 1, offset: 0 });
  if (!q.data || q.data.open === 0) return null;
  return (
    <Alert color="orange" title={t('summary.title')}>
      {t('summary.text', { count: q.data.open, days: q.data.oldestOpenDays ?? 0 })}
    </Alert>
  );
}
