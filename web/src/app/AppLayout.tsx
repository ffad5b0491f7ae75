import { useEffect, useRef } from 'react';
import { Anchor, AppShell, Box, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useInstitutionName } from '../features/institutions/institution-name';
import { useInstitution } from '../features/institutions/institutions.api';
import { LanguageSwitcher } from './LanguageSwitcher';
import { UserMenu } from './UserMenu';
import { navSections, type AppRoute } from './route-types';
import { appRoutes } from './routes';
import { useCurrentUser } from './session';

function isActive(route: AppRoute, pathname: string): boolean {
  if (route.path === pathname) return true;
  const matchChildren = route.matchChildren ?? route.path !== '/';
  return matchChildren && pathname.startsWith(`${route.path.replace(/\/$/, '')}/`);
}

/** The navigation, grouped by section, built from {@link appRoutes}. */
function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = appRoutes.filter((r) => r.navLabelKey);
  return (
    <Stack gap="md">
      {navSections.map((section) => {
        const inSection = items.filter((r) => (r.section ?? 'overview') === section);
        if (inSection.length === 0) return null;
        return (
          <div key={section}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} id={`nav-${section}`}>
              {t(`common:nav.sections.${section}`)}
            </Text>
            <Box component="ul" aria-labelledby={`nav-${section}`} m={0} p={0} style={{ listStyle: 'none' }}>
              {inSection.map((route) => {
                const active = isActive(route, pathname);
                const Icon = route.icon;
                return (
                  <li key={route.path}>
                    <NavLink
                      component={Link}
                      to={route.path}
                      label={t(route.navLabelKey ?? '')}
                      leftSection={Icon ? <Icon /> : undefined}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      onClick={onNavigate}
                    />
                  </li>
                );
              })}
            </Box>
          </div>
        );
      })}
    </Stack>
  );
}

/** The signed-in frame: header, navigation (a drawer behind a burger on phones) and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const user = useCurrentUser();
  const institution = useInstitution(user.institutionId);
  const institutionName = useInstitutionName();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After navigation, move focus to the page so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <Anchor
        href="#main"
        className="cd-skip-link"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t('nav.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
              aria-controls="cd-navbar"
            />
            <Anchor component={Link} to="/" underline="never" c="inherit" fw={700} fz="lg">
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu institutionLabel={institution.data ? institutionName(institution.data) : undefined} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="cd-navbar" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          <Navigation onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={main} tabIndex={-1} style={{ outline: 'none' }}>
        <Box maw={1200} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
