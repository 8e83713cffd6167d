import { describe, expect, it } from 'vitest';
import { OPTION_LIMIT, pickerList, pickerPoints, pointIds, pointName, searchWords } from '../../web/results/stockPointOptions.ts';

/** `stores` × `products` stock points, location-major as scenarios usually list them; every other store and product named. */
function grid(stores: number, products: number) {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const points = [];
  for (let s = 1; s <= stores; s++) for (let p = 1; p <= products; p++) points.push({ node: `store-${pad(s, 2)}`, product: `sku-${pad(p, 4)}` });
  const nodeNames = new Map(Array.from({ length: stores }, (_, i) => [`store-${pad(i + 1, 2)}`, `Shop ${['Lille', 'Lyon', 'Nantes', 'Paris', 'Rennes'][i % 5]} ${i + 1}`] as const).filter((_, i) => i % 2 === 0));
  const productNames = new Map(Array.from({ length: products }, (_, i) => [`sku-${pad(i + 1, 4)}`, `Green tea ${i + 1}`] as const).filter((_, i) => i % 2 === 0));
  return pickerPoints(points, nodeNames, productNames);
}

const ids = (list: ReturnType<typeof pickerList>) => list.groups.flatMap((group) => group.points.map((point) => pointIds(point)));

describe('the stock points a picker lists', () => {
  it('names a stock point by its names, falling back to its ids, and keeps its index', () => {
    const points = grid(2, 2);
    expect(points.map((point) => [point.index, pointName(point), pointIds(point)])).toEqual([
      [0, 'Shop Lille 1 / Green tea 1', 'store-01 / sku-0001'],
      [1, 'Shop Lille 1 / sku-0002', 'store-01 / sku-0002'],
      [2, 'store-02 / Green tea 1', 'store-02 / sku-0001'],
      [3, 'store-02 / sku-0002', 'store-02 / sku-0002'],
    ]);
  });

  it('without a search: every stock point, grouped by location in the scenario’s order, named by the location', () => {
    const list = pickerList(grid(3, 2), '', 'location');
    expect(list.matched).toBe(6);
    expect(list.shown).toBe(6);
    expect(list.groups.map((group) => [group.key, group.name, group.points.map((point) => point.product)])).toEqual([
      ['store-01', 'Shop Lille 1', ['sku-0001', 'sku-0002']],
      ['store-02', 'store-02', ['sku-0001', 'sku-0002']],
      ['store-03', 'Shop Nantes 3', ['sku-0001', 'sku-0002']],
    ]);
  });

  it('grouped by product: each product’s locations together, products in the order they first come', () => {
    const list = pickerList(grid(3, 2), '', 'product');
    expect(list.groups.map((group) => [group.key, group.name, group.points.map((point) => point.node)])).toEqual([
      ['sku-0001', 'Green tea 1', ['store-01', 'store-02', 'store-03']],
      ['sku-0002', 'sku-0002', ['store-01', 'store-02', 'store-03']],
    ]);
    expect(list.groups.flatMap((group) => group.points.map((point) => point.index))).toEqual([0, 2, 4, 1, 3, 5]);
  });

  it('a search matches part of an id or a name of the location or the product, in any case', () => {
    const points = grid(5, 40);
    expect(ids(pickerList(points, 'SKU-0037', 'location'))).toEqual(['store-01 / sku-0037', 'store-02 / sku-0037', 'store-03 / sku-0037', 'store-04 / sku-0037', 'store-05 / sku-0037']);
    // a location's name ("Shop Lyon 2" is not named: only its id, store-02, finds it)
    expect(new Set(pickerList(points, 'nantes', 'location').groups.map((group) => group.key))).toEqual(new Set(['store-03']));
    expect(pickerList(points, 'lyon', 'location').matched).toBe(0);
    // a product's name: "Green" only the named products (odd numbers)
    expect(ids(pickerList(points, 'green', 'location')).filter((point) => point.startsWith('store-01'))).toHaveLength(20);
    expect(ids(pickerList(points, 'GREEN TEA 37', 'location'))).toEqual(['store-01 / sku-0037', 'store-02 / sku-0037', 'store-03 / sku-0037', 'store-04 / sku-0037', 'store-05 / sku-0037']);
  });

  it('every word must match, each in the location or the product', () => {
    const points = grid(5, 40);
    expect(ids(pickerList(points, '  store-04   sku-0012 ', 'product'))).toEqual(['store-04 / sku-0012']);
    // Rennes is store-05; "tea" keeps the named (odd) products; "1" any whose id or name holds a 1
    expect(ids(pickerList(points, 'rennes tea 1', 'location')).map((point) => point.slice(-2))).toEqual(['01', '11', '13', '15', '17', '19', '21', '31']);
    expect(pickerList(points, 'store-04 nowhere', 'location')).toEqual({ groups: [], shown: 0, matched: 0 });
    expect(searchWords('  A  b ')).toEqual(['a', 'b']);
  });

  it('never lists more than the limit, and says how many matched: the first groups whole, the last cut', () => {
    const points = grid(5, 800);
    const list = pickerList(points, '', 'location');
    expect(list.matched).toBe(4000);
    expect(list.shown).toBe(OPTION_LIMIT);
    expect(list.groups.map((group) => [group.key, group.points.length])).toEqual([['store-01', OPTION_LIMIT]]);
    const byProduct = pickerList(points, 'sku-00', 'product', 12);
    expect(byProduct.matched).toBe(5 * 99);
    expect(byProduct.groups.map((group) => [group.key, group.points.length])).toEqual([
      ['sku-0001', 5],
      ['sku-0002', 5],
      ['sku-0003', 2],
    ]);
    expect(byProduct.shown).toBe(12);
  });

  it('filters 10,000 stock points fast enough for every keystroke', () => {
    const points = grid(10, 1000);
    const start = performance.now();
    for (const query of ['s', 'sk', 'sku', 'sku-', 'sku-0', 'sku-07', 'sku-077', 'sku-0777']) pickerList(points, query, 'product');
    const perKeystroke = (performance.now() - start) / 8;
    expect(ids(pickerList(points, 'sku-0777', 'product'))).toHaveLength(10);
    // about 1 ms here; a generous bound, the machine being shared
    expect(perKeystroke).toBeLessThan(50);
  });
});
