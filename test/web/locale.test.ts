import { describe, expect, it } from 'vitest';
import { chooseLocale, locale } from '../../web/i18n/locale.ts';
import { parseCarryOver } from '../../web/app/languageSwitch.ts';

describe("the page's language", () => {
  it('the address outranks the remembered choice, which outranks the browser; English when none is known', () => {
    expect(chooseLocale('fr', 'en', ['en-US'])).toBe('fr');
    expect(chooseLocale(null, 'fr', ['en-US'])).toBe('fr');
    expect(chooseLocale(null, null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(chooseLocale(null, null, ['FR'])).toBe('fr');
    expect(chooseLocale(null, null, ['de', 'es'])).toBe('en');
    expect(chooseLocale(null, null, [])).toBe('en');
  });

  it('a language the app does not have is skipped, wherever it comes from', () => {
    expect(chooseLocale('de', 'xx', ['fr'])).toBe('fr');
    expect(chooseLocale('__proto__', 'constructor', [])).toBe('en');
    expect(chooseLocale('fr-FR', null, [])).toBe('en');
  });

  it('is English outside a page (Node tests, the CLI, Web Workers)', () => {
    expect(locale).toBe('en');
  });
});

describe('what a language switch carries over the reload', () => {
  const valid = { text: '{"name":"x"}', replications: '20', seed: 'coffee', precision: { kpi: 'fillRate', halfWidth: 0.002, cap: 400 }, galleryPath: 'scenarios/04-coffee-brand.json', run: true };

  it('comes back as it was stored', () => {
    expect(parseCarryOver(JSON.stringify(valid))).toEqual(valid);
    expect(parseCarryOver(JSON.stringify({ ...valid, precision: null, galleryPath: null, run: false }))).toEqual({ ...valid, precision: null, galleryPath: null, run: false });
  });

  it('anything else is no carry-over (a normal start), never a partial one', () => {
    for (const raw of [
      'not json',
      'null',
      '[]',
      '42',
      JSON.stringify({ ...valid, text: 3 }),
      JSON.stringify({ ...valid, run: 'yes' }),
      JSON.stringify({ ...valid, galleryPath: 7 }),
      JSON.stringify({ ...valid, precision: { kpi: 'fillRate', halfWidth: '0.1', cap: 4 } }),
      JSON.stringify({ ...valid, precision: [] }),
      JSON.stringify({ replications: '20', seed: '1', precision: null, galleryPath: null, run: true }),
    ]) {
      expect(parseCarryOver(raw), raw).toBeNull();
    }
  });

  it('takes only its own fields (a stored __proto__ touches no prototype)', () => {
    const carried = parseCarryOver(`{"__proto__":{"polluted":true},"text":"t","replications":"1","seed":"1","precision":null,"galleryPath":null,"run":false,"extra":1}`);
    expect(carried).toEqual({ text: 't', replications: '1', seed: '1', precision: null, galleryPath: null, run: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
