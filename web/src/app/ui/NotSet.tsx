import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown where an optional field is empty: says so, and who can fill it in. */
export function NotSet() {
  const { t } = useTranslation();
  return (
    <Text component="span" size="sm" c="dimmed" fs="italic">
      {t('common:state.notSet')}
    </Text>
  );
}
