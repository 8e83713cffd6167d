import { describe, expect, it } from 'vitest';
import { describeRoles, detectRoles, foldName } from '../../src/import/columnRoles.ts';

/** Columns are recognised by their usual names in English, French and German, folded; anything else is the user's mapping. */

describe('foldName', () => {
  it('drops case, accents and anything but letters and digits', () => {
    expect(foldName('Quantité vendue')).toBe('quantitevendue');
    expect(foldName('  Invoice_Date ')).toBe('invoicedate');
    expect(foldName('Stück/Tag')).toBe('stucktag');
    expect(foldName('Qté')).toBe('qte');
  });
});

describe('detectRoles: usual names', () => {
  it('recognises a French export', () => {
    const { roles, problems } = detectRoles(['Date', 'Article', 'Magasin', 'Quantité vendue', 'Prix']);
    expect(problems).toEqual([]);
    expect(roles).toEqual({ date: 0, sku: 1, location: 2, units: 3, price: 4 });
  });

  it('recognises a German export', () => {
    expect(detectRoles(['Datum', 'Artikel', 'Menge']).roles).toEqual({ date: 0, sku: 1, units: 2 });
    expect(detectRoles(['Datum', 'Artikelnummer', 'Filiale', 'Absatz', 'Preis', 'Bestand', 'Bezeichnung']).roles).toEqual({ date: 0, sku: 1, location: 2, units: 3, price: 4, stock: 5, name: 6 });
  });

  it('recognises an English file and a system export (Online Retail names)', () => {
    expect(detectRoles(['date', 'sku', 'location', 'units', 'price']).roles).toEqual({ date: 0, sku: 1, location: 2, units: 3, price: 4 });
    const { roles } = detectRoles(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    // StockCode is a SKU, not a stock level; CustomerID is no role
    expect(roles).toEqual({ invoice: 0, sku: 1, name: 2, units: 3, date: 4, price: 5, location: 7 });
  });

  it('recognises stock levels and out-of-stock flags as the stock column', () => {
    expect(detectRoles(['date', 'sku', 'units', 'On hand']).roles.stock).toBe(3);
    expect(detectRoles(['Date', 'Article', 'Ventes', 'En rupture']).roles.stock).toBe(3);
  });

  it('takes the first column of each role and leaves unknown names out', () => {
    const { roles } = detectRoles(['Date', 'Day', 'Item', 'Product', 'Colour', 'Qty']);
    expect(roles).toEqual({ date: 0, sku: 2, units: 5 });
  });

  it('recognises nothing in a wide file\'s SKU columns', () => {
    expect(detectRoles(['date', 'A', 'B@north']).roles).toEqual({ date: 0 });
  });
});

describe('detectRoles: the user\'s mapping', () => {
  it('maps a column by its exact name or folded name', () => {
    expect(detectRoles(['Tag', 'Artikel', 'Stück'], { date: 'Tag', units: 'Stück' }).roles).toEqual({ date: 0, sku: 1, units: 2 });
    expect(detectRoles(['Tag', 'Artikel', 'Stück'], { date: 'tag', units: 'STUCK' }).roles).toEqual({ date: 0, sku: 1, units: 2 });
  });

  it('lets a mapping override a recognised name', () => {
    expect(detectRoles(['date', 'units', 'net units'], { units: 'net units' }).roles.units).toBe(2);
  });

  it('does not detect a column for a later role that the mapping already gave an earlier one', () => {
    // units is mapped to "stock"; the stock role must not take the same column again
    const { roles } = detectRoles(['date', 'sku', 'stock'], { units: 'stock' });
    expect(roles.units).toBe(2);
    expect(roles.stock).toBeUndefined();
  });

  it('leaves a role out when mapped to the empty name (`--map location=`)', () => {
    expect(detectRoles(['date', 'sku', 'store', 'units'], { location: '' }).roles.location).toBeUndefined();
  });

  it('reports a mapped name that is not in the header, listing the columns', () => {
    const { roles, problems } = detectRoles(['Datum', 'Artikel', 'Stück'], { units: 'Menge' });
    expect(roles.units).toBeUndefined();
    expect(problems).toEqual(['the units column "Menge" is not in the header (columns: "Datum", "Artikel", "Stück")']);
  });
});

describe('describeRoles', () => {
  it('says which column each role reads, numbered from 1', () => {
    const header = ['Date', 'Article', 'Quantité vendue'];
    expect(describeRoles(header, detectRoles(header).roles)).toBe('date ← "Date" (column 1), sku ← "Article" (column 2), units ← "Quantité vendue" (column 3)');
  });
});
