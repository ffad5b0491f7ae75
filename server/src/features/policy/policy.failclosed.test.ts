import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as PackModuleNs from './policy.pack.js';

type PackModule = typeof PackModuleNs;

/** Fail closed (THREAT-MODEL.md): when no policy pack can be loaded, a check blocks instead of finding nothing. */
describe('no policy pack in force', () => {
  afterEach(() => {
    vi.doUnmock('./policy.pack.js');
    vi.resetModules();
  });

  it('answers one blocking finding per text and per draft, in the UI language', async () => {
    vi.resetModules();
    vi.doMock('./policy.pack.js', async (importOriginal) => {
      const real = await importOriginal<PackModule>();
      return {
        ...real,
        loadPack: () => {
          throw new real.PolicyPackError('lists/parties.yaml: invalid YAML');
        },
      };
    });
    const engine = await import('./policy.engine.js');
    const found = engine.checkText('Votoni për partinë tonë!', { uiLang: 'sq' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'policy.unavailable', severity: 'block' });
    expect(found[0]!.message).toMatch(/nuk mund të ngarkohet/);
    const draft = engine.checkDraft({
      variants: [
        { lang: 'sq', text: 'Njoftim' },
        { lang: 'sr', text: 'Obaveštenje' },
      ],
      requiredLanguages: ['sq', 'sr'],
    });
    expect(draft.every((f) => f.ruleId === 'policy.unavailable' && f.severity === 'block')).toBe(true);
    expect(draft.length).toBeGreaterThanOrEqual(1);
    expect(engine.reloadPack()).toMatchObject({ ok: false });
  });
});
