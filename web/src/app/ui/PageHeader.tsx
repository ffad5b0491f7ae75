import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';

/** The page's one `h1`, a dimmed sentence saying what the page is for, and its main actions on the right. */
export function PageHeader({ title, intro, actions }: { title: ReactNode; intro?: ReactNode; actions?: ReactNode }) {
  const heading = (
    <Stack gap={4}>
      <Title order={1}>{title}</Title>
      {intro && (
        <Text c="dimmed" size="sm">
          {intro}
        </Text>
      )}
    </Stack>
  );
  if (!actions) return heading;
  return (
    <Group justify="space-between" align="flex-end">
      {heading}
      {actions}
    </Group>
  );
}
