/** The wizard's options to the import's (web/import/importOptions.ts): the CLI's defaults when empty, problems by field. */
import { describe, expect, test } from 'vitest';
import { readOptions, type OptionFields } from '../../web/import/importOptions.ts';

const empty: OptionFields = { negatives: 'ignore', demand: 'fit', unmet: 'lost', rows: 'auto', keepDuplicates: false, location: '', leadTime: '', service: '', holdingRate: '', costShare: '', name: '', warehouse: '', transferDays: '', currency: '', horizonDays: '', replications: '', seed: '' };

describe('readOptions', () => {
  test('empty fields leave the import its defaults (no value sent)', () => {
    expect(readOptions(empty)).toEqual({ ok: true, options: { negatives: 'ignore', demand: 'fit', unmetDemand: 'lost', keepDuplicates: false } });
  });

  test('fields as typed: a decimal comma, the service target in percent', () => {
    const read = readOptions({ ...empty, negatives: 'returns', demand: 'replay', rows: 'transactions', location: ' Lyon ', leadTime: '3,5', service: '98', holdingRate: '0.2', costShare: ',5', name: 'Shops' });
    expect(read).toEqual({
      ok: true,
      options: { negatives: 'returns', demand: 'replay', unmetDemand: 'lost', keepDuplicates: false, rows: 'transactions', location: 'Lyon', leadTimeDays: 3.5, serviceTarget: 0.98, holdingRate: 0.2, costShare: 0.5, name: 'Shops' },
    });
  });

  test('each problem at its field', () => {
    expect(readOptions({ ...empty, leadTime: '0', service: '100', holdingRate: 'a lot', costShare: '1', location: '--' })).toEqual({
      ok: false,
      problems: { leadTime: 'positive', service: 'percent', holdingRate: 'rate', costShare: 'share', location: 'id' },
    });
  });

  test('the scenario\'s settings and the warehouse, as --currency --days --replications --seed --warehouse --transfer-days', () => {
    const read = readOptions({ ...empty, currency: ' USD ', horizonDays: '730', replications: '5', seed: ' 007 ', warehouse: ' DC Lyon ', transferDays: '2,5' });
    expect(read).toEqual({
      ok: true,
      options: { negatives: 'ignore', demand: 'fit', unmetDemand: 'lost', keepDuplicates: false, currency: 'USD', horizonDays: 730, replications: 5, seed: '7', warehouse: 'DC Lyon', transferDays: 2.5 },
    });
    // a seed that is not a whole number is a text seed, kept as typed (trimmed)
    expect(readOptions({ ...empty, seed: 'spring plan' })).toMatchObject({ ok: true, options: { seed: 'spring plan' } });
    expect(readOptions({ ...empty, seed: '-3' })).toMatchObject({ ok: true, options: { seed: '-3' } });
  });

  test('the scenario\'s settings out of range, each at its field', () => {
    expect(
      readOptions({ ...empty, currency: 'Swiss francs!', horizonDays: '365.5', replications: '0', seed: '9007199254740993', warehouse: '/', transferDays: '0' }),
    ).toEqual({
      ok: false,
      problems: { currency: 'currency', horizonDays: 'horizon', replications: 'replications', seed: 'seed', warehouse: 'id', transferDays: 'positive' },
    });
    expect(readOptions({ ...empty, horizonDays: '36501', replications: '100001', seed: 'x'.repeat(201) })).toEqual({
      ok: false,
      problems: { horizonDays: 'horizon', replications: 'replications', seed: 'seed' },
    });
    expect(readOptions({ ...empty, currency: 'E\u0007UR', horizonDays: 'a year', replications: '2.5' })).toEqual({
      ok: false,
      problems: { currency: 'currency', horizonDays: 'horizon', replications: 'replications' },
    });
    // the largest accepted
    expect(readOptions({ ...empty, currency: 'CHF (francs)', horizonDays: '36500', replications: '100000' })).toMatchObject({ ok: true, options: { currency: 'CHF (francs)', horizonDays: 36500, replications: 100000 } });
  });
});
