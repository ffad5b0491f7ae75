import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown while a page's code loads: the shape of a heading, a sentence and a list, announced once as "Loading…". */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" role="status" aria-label={t('common:state.loading')}>
      <Skeleton height={34} width="40%" radius="sm" />
      <Skeleton height={14} width="70%" radius="sm" />
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} height={36} radius="sm" />
      ))}
    </Stack>
  );
}
