import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors';
import { useCurrentUser } from '../../app/session';
import { useInstitutionName } from '../institutions/institution-name';
import { useInstitution } from '../institutions/institutions.api';
import { OffboardingSummary } from '../offboarding/OffboardingSummary';
import { InboxSummary } from '../inbox/InboxSummary';
import { WorkQueue } from './WorkQueue';

/** The user's own institution, as a card. */
function MyInstitutionCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const institution = useInstitution(user.institutionId);
  const name = useInstitutionName();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="home-institution">
      <Text size="xs" tt="uppercase" c="dimmed" fw={700} id="home-institution">
        {t('home.yourInstitution')}
      </Text>
      {institution.isPending && <Skeleton height={24} mt="xs" width="70%" />}
      <ErrorAlert error={institution.error} />
      {institution.data && (
        <Stack gap={4} mt="xs">
          <Anchor component={Link} to={`/institutions/${encodeURIComponent(institution.data.id)}`} fw={600} fz="lg">
            {name(institution.data)}
          </Anchor>
          <Group gap="xs">
            <Badge variant="light" color="gray">
              {t(`institutions:kind.${institution.data.kind}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {institution.data.seat}
            </Text>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

/**
 * The first screen after sign-in: what waits for the person today (people leaving, the inbox, posts to
 * approve, what goes out this week, what failed), then their institution and position.
 */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('home.greeting', { name: user.name })}</Title>
        <Text c="dimmed">{t('home.intro')}</Text>
      </Stack>
      <OffboardingSummary />
      <InboxSummary />
      <WorkQueue />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <MyInstitutionCard />
        <Card withBorder padding="lg" component="section" aria-labelledby="home-position">
          <Text size="xs" tt="uppercase" c="dimmed" fw={700} id="home-position">
            {t('home.yourPosition')}
          </Text>
          <Text fw={600} fz="lg" mt="xs">
            {t(`people:position.${user.position}`)}
          </Text>
          {!user.totpEnabled && (
            <Text size="sm" mt="xs">
              <Anchor component={Link} to="/security">
                {t('home.setUpTwoFactor')}
              </Anchor>
            </Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
