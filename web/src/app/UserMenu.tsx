import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors';
import { IconChevronDown, IconLogout, IconShield } from './icons';
import { useCurrentUser, useSignOut } from './session';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** The user's name in the header, opening Security and the two ways to sign out. */
export function UserMenu({ institutionLabel }: { institutionLabel: string | undefined }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();

  const run = (everywhere: boolean) =>
    signOut.mutate(everywhere, {
      onSuccess: () => void navigate('/', { replace: true }),
      onError: (error) => notifications.show({ color: 'red', title: t('userMenu.signOutFailed'), message: errorMessage(t, error) }),
    });

  return (
    <Menu position="bottom-end" width={260} withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.open', { name: user.name })} p={4}>
          <Group gap="xs" wrap="nowrap">
            <Avatar radius="xl" size="sm" color="indigo" aria-hidden="true">
              {initials(user.name)}
            </Avatar>
            <UserText name={user.name} institution={institutionLabel} />
            <IconChevronDown width={14} height={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="bright">
            {user.name}
          </Text>
          <Text size="xs">{institutionLabel}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/security" leftSection={<IconShield />}>
          {t('userMenu.security')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout />} onClick={() => run(false)}>
          {t('userMenu.signOut')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout />} color="red" onClick={() => run(true)}>
          {t('userMenu.signOutEverywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Name and institution next to the avatar; hidden on phones, where the menu label shows them. */
function UserText({ name, institution }: { name: string; institution: string | undefined }) {
  return (
    <div style={{ lineHeight: 1.2, minWidth: 0 }}>
      <Text size="sm" fw={600} truncate="end" maw={220} visibleFrom="sm">
        {name}
      </Text>
      {institution && (
        <Text size="xs" c="dimmed" truncate="end" maw={220} visibleFrom="sm">
          {institution}
        </Text>
      )}
    </div>
  );
}
