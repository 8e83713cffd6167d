/** The wizard's options to the import's (web/import/importOptions.ts): the CLI's defaults when empty, problems by field. */
import { describe, expect, test } from 'vitest';
import { readOptions, type OptionFields } from '../../web/import/importOptions.ts';

const empty: OptionFields = { negatives: 'ignore', demand: 'fit', unmet: 'lost', rows: 'auto', keepDuplicates: false, location: '', leadTime: '', service: '', holdingRate: '', costShare: '', name: '' };

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
});
