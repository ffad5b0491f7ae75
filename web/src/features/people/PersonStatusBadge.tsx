import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonStatus } from '@courtdesk/contracts';

const colors: Record<PersonStatus, string> = {
  active: 'green',
  resigned: 'gray',
  dismissed: 'orange',
};

/** Active / resigned / dismissed, in words and colour. */
export function PersonStatusBadge({ status }: { status: PersonStatus }) {
  const { t } = useTranslation('people');
  return (
    <Badge color={colors[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}
