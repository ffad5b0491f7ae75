import type { ReactNode } from 'react';
import { Alert, Badge, Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Person } from '@courtdesk/contracts';
import { api, ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useInstitutionName } from '../institutions/institution-name';
import { useInstitutions } from '../institutions/institutions.api';

/**
 * Shared pieces of the authority screens: error messages that name the manual's article, badges,
 * and selects for institutions and people.
 */
export function useAuthorityError(): (error: unknown) => string {
  const { t, i18n } = useTranslation('decisions');
  return (error) => {
    if (error instanceof ApiError) {
      const article = (error.details as { article?: string } | undefined)?.article;
      const key = `decisions:errors.${error.code}`;
      if (i18n.exists(key)) return article ? `${t(key)} (${t('article', { article })})` : t(key);
      if (article) return `${error.message}`;
    }
    return errorMessage(t, error);
  };
}

/**
 * The foot of a form in a dialog: why the server refused, in plain words and with the manual's
 * article, then "Cancel" and the form's own submit button (`children`).
 */
export function DialogActions({
  error,
  errorTitle,
  onCancel,
  children,
}: {
  error: unknown;
  errorTitle?: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const explain = useAuthorityError();
  return (
    <>
      {error ? (
        <Alert color="red" title={errorTitle} role="alert">
          {explain(error)}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
        {children}
      </Group>
    </>
  );
}

const STATE_COLOR: Record<string, string> = { in_force: 'green', pending: 'blue', expired: 'gray', revoked: 'red', superseded: 'orange' };
export function DecisionStateBadge({ state }: { state: string }) {
  const { t } = useTranslation('decisions');
  return (
    <Badge color={STATE_COLOR[state] ?? 'gray'} variant="light">
      {t(`state.${state}`)}
    </Badge>
  );
}

const CHECK_COLOR: Record<string, string> = { pass: 'green', fail: 'red', unknown: 'gray' };
export function CheckStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('accounts');
  return (
    <Badge color={CHECK_COLOR[status] ?? 'gray'} variant="light">
      {t(`checkStatus.${status}`)}
    </Badge>
  );
}

const AUTH_COLOR: Record<string, string> = {
  authorised: 'green',
  awaiting_approval: 'blue',
  lacks_retroactive_decision: 'orange',
  lacks_decision: 'red',
  closed: 'gray',
};
export function AuthorisationBadge({ value }: { value: string }) {
  const { t } = useTranslation('accounts');
  return (
    <Badge color={AUTH_COLOR[value] ?? 'gray'} variant="light">
      {t(`authorisation.${value}`)}
    </Badge>
  );
}

/** Institutions the user can see, as select options in the UI language. */
export function useInstitutionOptions() {
  const institutions = useInstitutions();
  const name = useInstitutionName();
  return {
    options: (institutions.data ?? []).map((i) => ({ value: i.id, label: name(i) })),
    data: institutions.data,
    label: (id: string) => {
      const i = institutions.data?.find((x) => x.id === id);
      return i ? name(i) : id;
    },
  };
}

export function InstitutionSelect(props: {
  value: string | null;
  onChange: (v: string | null) => void;
  label: string;
  placeholder?: string;
  clearable?: boolean;
  required?: boolean;
}) {
  const { options } = useInstitutionOptions();
  return <Select searchable data={options} w={{ base: '100%', sm: 320 }} {...props} />;
}

/** Active people of an institution (for appointing or recommending). */
export function useActivePeople(institutionId: string | null) {
  return useQuery({
    queryKey: ['people', 'active', institutionId],
    queryFn: ({ signal }) =>
      api.get<{ items: Person[] }>('/api/people', { signal, query: { institutionId, status: 'active', limit: 200 } }),
    enabled: Boolean(institutionId),
  });
}
