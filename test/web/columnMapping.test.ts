/** The wizard's mapping logic (web/import/columnMapping.ts): roles per column, the mapping sent, the dates question. */
import { describe, expect, test } from 'vitest';
import { assignRole, columnRolesOf, dateReadings, exampleCell, mappingOf } from '../../web/import/columnMapping.ts';

const header = ['Date', 'Article', 'Magasin', 'Quantité vendue', 'Note'];

describe('column roles', () => {
  test('the preview\'s detected roles, one per column, null where none', () => {
    expect(columnRolesOf({ header, roles: { date: 0, sku: 1, location: 2, units: 3 } })).toEqual(['date', 'sku', 'location', 'units', null]);
  });

  test('a role given to another column leaves the one that had it', () => {
    const columns = columnRolesOf({ header, roles: { date: 0, sku: 1, units: 3 } });
    expect(assignRole(columns, 4, 'units')).toEqual(['date', 'sku', null, null, 'units']);
    expect(assignRole(columns, 1, null)).toEqual(['date', null, null, 'units', null]);
  });

  test('the mapping names every role: a column, or empty for none (so a detection undone stays undone)', () => {
    expect(mappingOf(header, ['date', 'sku', null, 'units', null], ['date', 'sku', 'location', 'units', 'price'])).toEqual({
      date: 'Date',
      sku: 'Article',
      location: '',
      units: 'Quantité vendue',
      price: '',
    });
  });
});

describe('the dates question', () => {
  test('05/03/2024 reads as 5 March (day first) or 3 May (month first)', () => {
    const readings = dateReadings('05/03/2024')!;
    expect(readings.dmy.toISOString().slice(0, 10)).toBe('2024-03-05');
    expect(readings.mdy.toISOString().slice(0, 10)).toBe('2024-05-03');
    expect(dateReadings('05.03.2024 08:26')!.mdy.toISOString().slice(0, 10)).toBe('2024-05-03');
  });

  test('no two readings for ISO dates, text, or a day over 12', () => {
    expect(dateReadings('2024-03-05')).toBeNull();
    expect(dateReadings('demain')).toBeNull();
    expect(dateReadings('13/03/2024')).toBeNull();
  });

  test('the example is the first cell of the column that fits', () => {
    const preview = { rows: [{ row: 2, cells: ['x', '6'] }, { row: 3, cells: ['04/03/2024', '6,5'] }] };
    expect(exampleCell(preview, 0, (cell) => dateReadings(cell) !== null)).toBe('04/03/2024');
    expect(exampleCell(preview, 1, (cell) => cell.includes(','))).toBe('6,5');
    expect(exampleCell(preview, undefined, () => true)).toBeNull();
  });
});
