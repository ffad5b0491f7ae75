import { Badge, Button, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '@courtdesk/contracts';
import { useFormatDate } from '../../app/format';
import { HighlightedText } from './HighlightedText';

export const statusColor: Record<InboxItem['status'], string> = {
  visible: 'green',
  review: 'yellow',
  needs_action: 'orange',
  hidden: 'red',
  deleted: 'gray',
  own: 'blue',
};

export type ItemCommand = 'hide' | 'unhide' | 'delete' | 'keep' | 'reply' | 'open';

interface Props {
  item: InboxItem;
  active: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onCommand: (cmd: ItemCommand) => void;
  onFocus: () => void;
}

/** One comment or message in the list; the author's text is shown as text only. */
export function InboxItemCard({ item, active, selected, onSelect, onCommand, onFocus }: Props) {
  const { t } = useTranslation('inbox');
  const formatDate = useFormatDate();
  return (
    <Card
      withBorder
      padding="sm"
      data-inbox-item={item.id}
      aria-current={active ? 'true' : undefined}
      onClick={onFocus}
      style={{ outline: active ? '2px solid var(--mantine-color-indigo-5)' : undefined, outlineOffset: -1 }}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Checkbox checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} aria-label={t('actions.select')} mt={4} />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Badge color={statusColor[item.status]} variant="light">
              {t(`status.${item.status}`)}
            </Badge>
            <Badge color="gray" variant="outline">
              {t(`kind.${item.kind}`)}
            </Badge>
            {item.categories.map((c) => (
              <Badge key={c} color="red" variant="dot">
                {t(`category.${c}`, { defaultValue: c })}
              </Badge>
            ))}
            {item.autoReplied && (
              <Badge color="teal" variant="light">
                {t('autoReplied')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {item.authorName} (@{item.authorHandle}) · {item.platform}/@{item.accountHandle} · {t(`lang.${item.lang}`)} ·{' '}
              {formatDate(item.createdAt)}
            </Text>
          </Group>
          <HighlightedText text={item.text} reasons={item.reasons} lineClamp={active ? undefined : 4} />
          {item.note && (
            <Text size="xs" c="orange.8">
              {t(`note.${item.note}`)}
            </Text>
          )}
          <Group gap="xs">
            {item.can.hide && (
              <Button size="compact-xs" color="red" variant="light" onClick={() => onCommand('hide')}>
                {t('actions.hide')}
              </Button>
            )}
            {item.can.unhide && (
              <Button size="compact-xs" variant="light" onClick={() => onCommand('unhide')}>
                {t('actions.unhide')}
              </Button>
            )}
            {item.can.keep && (
              <Button size="compact-xs" color="green" variant="light" onClick={() => onCommand('keep')}>
                {t('actions.keep')}
              </Button>
            )}
            {item.can.delete && (
              <Button size="compact-xs" color="red" variant="subtle" onClick={() => onCommand('delete')}>
                {t('actions.delete')}
              </Button>
            )}
            {item.can.reply && (
              <Button size="compact-xs" variant="subtle" onClick={() => onCommand('reply')}>
                {t('actions.reply')}
              </Button>
            )}
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onCommand('open')}>
              {t('actions.open')}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
