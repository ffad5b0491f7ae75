import { useRef, useState, type ReactNode } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Card, DataList, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors';
import { NotSet } from '../../app/ui/NotSet';
import { InstitutionContactForm } from './InstitutionContactForm';
import { useInstitutionName } from './institution-name';
import { useInstitution, useInstitutions, type InstitutionDetail } from './institutions.api';

function Item({ label, children, lang }: { label: string; children: ReactNode; lang?: string }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue lang={empty ? undefined : lang}>{empty ? <NotSet /> : children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Websites are shown as links only when they are plain http(s) addresses. */
function Website({ url }: { url: string | null }) {
  if (!url) return <NotSet />;
  if (!/^https?:\/\//i.test(url)) return <>{url}</>;
  return (
    <Anchor size="sm" href={url} target="_blank" rel="noopener noreferrer">
      {url}
    </Anchor>
  );
}

function ContactDetails({ institution }: { institution: InstitutionDetail }) {
  const { t } = useTranslation('institutions');
  return (
    <DataList labelWidth={220}>
      <Item label={t('field.address')}>{institution.address}</Item>
      <Item label={t('field.postalCode')}>{institution.postalCode}</Item>
      <Item label={t('field.phone')}>
        {institution.phone && (
          <Anchor size="sm" href={`tel:${institution.phone.replace(/[^+0-9]/g, '')}`}>
            {institution.phone}
          </Anchor>
        )}
      </Item>
      <Item label={t('field.email')}>
        {institution.email && (
          <Anchor size="sm" href={`mailto:${institution.email}`}>
            {institution.email}
          </Anchor>
        )}
      </Item>
      <Item label={t('field.website')}>
        <Website url={institution.website} />
      </Item>
    </DataList>
  );
}

/** One institution: its names in every official form, seat, languages and contact details. */
export function InstitutionDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation('institutions');
  const name = useInstitutionName();
  const institution = useInstitution(id);
  const all = useInstitutions();
  const [editing, setEditing] = useState(false);
  const contactHeading = useRef<HTMLHeadingElement>(null);

  if (institution.isPending) {
    return (
      <Stack gap="md" role="status" aria-label={t('common:state.loading')}>
        <Skeleton height={32} width="60%" />
        <Skeleton height={180} />
        <Skeleton height={180} />
      </Stack>
    );
  }
  if (institution.isError) {
    return (
      <Stack gap="md">
        <Anchor component={Link} to="/institutions">
          {t('detail.back')}
        </Anchor>
        <ErrorAlert error={institution.error} onRetry={() => void institution.refetch()} />
      </Stack>
    );
  }

  const data = institution.data;
  const parent = data.parentId ? all.data?.find((i) => i.id === data.parentId) : undefined;
  const finishEditing = () => {
    setEditing(false);
    // Put keyboard focus back where the user was, not at the top of the page.
    requestAnimationFrame(() => contactHeading.current?.focus());
  };

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/institutions" size="sm">
          {t('list.title')}
        </Anchor>
        <Text component="span" size="sm">
          {name(data)}
        </Text>
      </Breadcrumbs>
      <Group gap="sm" align="center">
        <Title order={1}>{name(data)}</Title>
        <Badge variant="light" color="gray">
          {t(`kind.${data.kind}`)}
        </Badge>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="inst-names">
          <Title order={2} fz="h4" mb="sm" id="inst-names">
            {t('detail.names')}
          </Title>
          <DataList labelWidth={220}>
            <Item label={t('field.nameSq')} lang="sq">
              {data.nameSq}
            </Item>
            <Item label={t('field.nameSrLatn')} lang="sr-Latn">
              {data.nameSrLatn}
            </Item>
            <Item label={t('field.nameSrCyrl')} lang="sr-Cyrl">
              {data.nameSrCyrl}
            </Item>
            <Item label={t('field.nameEn')} lang="en">
              {data.nameEn}
            </Item>
          </DataList>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="inst-seat">
          <Title order={2} fz="h4" mb="sm" id="inst-seat">
            {t('detail.seatAndLanguages')}
          </Title>
          <DataList labelWidth={220}>
            <Item label={t('field.seat')}>{data.seat}</Item>
            <Item label={t('field.code')}>{data.code}</Item>
            {data.parentId && (
              <Item label={t('field.parent')}>
                <Anchor component={Link} size="sm" to={`/institutions/${encodeURIComponent(data.parentId)}`}>
                  {parent ? name(parent) : data.parentId}
                </Anchor>
              </Item>
            )}
            <Item label={t('field.languages')}>
              {data.languages.length > 0 ? (
                <Group gap={4}>
                  {data.languages.map((lang) => (
                    <Badge key={lang} variant="light">
                      {t(`common:contentLanguage.${lang}`)}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Item>
          </DataList>
        </Card>
      </SimpleGrid>

      <Card withBorder padding="lg" component="section" aria-labelledby="inst-contact">
        <Group justify="space-between" mb="sm" gap="sm">
          <Title order={2} fz="h4" id="inst-contact" ref={contactHeading} tabIndex={-1}>
            {t('detail.contact')}
          </Title>
          {!editing && (
            <Button
              variant="light"
              onClick={() => setEditing(true)}
              disabled={!data.canEdit}
              aria-describedby={data.canEdit ? undefined : 'inst-readonly'}
            >
              {t('detail.edit')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          {t('detail.contactIntro')}
        </Text>
        {!data.canEdit && (
          <Text size="sm" c="dimmed" mb="sm" id="inst-readonly">
            {t('detail.readOnly')}
          </Text>
        )}
        {editing && data.canEdit ? (
          <InstitutionContactForm institution={data} onDone={finishEditing} />
        ) : (
          <ContactDetails institution={data} />
        )}
      </Card>
    </Stack>
  );
}
