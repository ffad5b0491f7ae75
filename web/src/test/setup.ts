import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { setCsrfToken } from '../app/api';
import { i18n } from '../i18n/i18n';

// Pages load on first visit (`lazyPage`), so the first `findBy…` of a test also waits for the page's
// module; on a busy machine that can pass the default 1 s.
configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('sq');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
