import { Badge } from '@mantine/core';
import type { PostStatus, TargetStatus } from '@courtdesk/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  draft: 'gray',
  review: 'yellow',
  approved: 'blue',
  scheduled: 'indigo',
  publishing: 'cyan',
  published: 'green',
  failed: 'red',
  pending: 'gray',
  deleted: 'dark',
};

/** A post's (or one account's) step in the workflow, in words and colour. */
export function PostStatusBadge({ status }: { status: PostStatus | TargetStatus }) {
  const { t } = useTranslation('posts');
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
