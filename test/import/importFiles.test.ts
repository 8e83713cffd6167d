import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/importFiles.ts';
import { textbookPolicy } from '../../src/import/buildScenario.ts';
import { dayNumber, isoDay } from '../../src/import/dates.ts';
import { file, longFile } from '../fixtures/importFiles.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { normalQuantile } from '../../src/math/normal.ts';



describe('importFiles: a planner’s history to a scenario', () => {
  it('builds a valid scenario: a supplier, a store, a stock point per SKU, closed days modelled', async () => {
    const result = await importFiles(file('sales.csv', longFile(182, { steady: () => 10, 'PACK 72/B': (d) => (d % 3 === 0 ? 4 : 0), never: () => 0 })), undefined, { leadTimeDays: 5 });
    const scenario = result.scenario!;
    expect(parseScenario(scenario).ok).toBe(true);
    expect(scenario.nodes).toEqual([
      { id: 'supplier', type: 'supplier' },
      { id: 'paris', type: 'store' },
    ]);
    // a SKU id a scenario cannot hold is made valid; its name stays readable in the report
    expect(scenario.products.map((p) => p.id)).toEqual(['steady', 'PACK-72-B']);
    expect(result.summaries.find((s) => s.sku === 'never')).toMatchObject({ model: 'none' });
    expect(result.report.lines.join('\n')).toContain('1 SKU-location series with no demand at all: left out');
    // Sundays are a weekly closed day: multiplier 0 on the Sunday (Monday first)
    const steady = scenario.demand!.find((d) => d.product === 'steady')!;
    expect(steady).toMatchObject({ type: 'perPeriod', quantity: { type: 'constant', value: 10 } });
    expect((steady as { seasonality: { weekly: number[] } }).seasonality.weekly).toEqual([1, 1, 1, 1, 1, 1, 0]);
    // 1 May is a holiday: day 120 of the simulated year (31+28+31+30), closed for one day
    expect((steady as { shocks: unknown[] }).shocks).toEqual([{ name: 'closed (05-01)', multiplier: 0, occurrence: { type: 'scheduled', start: 120, end: 121 } }]);
    expect(result.report.lines.join('\n')).toMatch(/closed on Sundays \(a weekly pattern\); 1 other closed day \(a calendar\): 2024-05-01/);
  });

  it('sets the textbook (s, S) by hand: constant 10 a day on 6 days in 7, 5 days of lead time, no ordering cost', async () => {
    const result = await importFiles(file('sales.csv', longFile(182, { steady: () => 10 })), undefined, { leadTimeDays: 5, serviceTarget: 0.95 });
    // daily mean over the calendar 10 · 6/7, variance 0: s = ⌈5 · 60/7⌉ = 43, Q = 14 days · 60/7 = 120
    expect(result.scenario!.stockPoints[0].policy).toEqual({ type: 'sS', reorderPoint: 43, orderUpTo: 163 });
    expect(result.scenario!.stockPoints[0].initialOnHand).toBe(163);
    expect(result.summaries[0]).toMatchObject({ policySource: 'textbook', demandClass: 'smooth', model: 'constant' });
  });

  it('textbookPolicy: safety stock from the lead-time demand’s sd, EOQ with an ordering cost, case packs', () => {
    // μ 20/day, σ² 25, L constant 4: lead-time demand mean 80, sd 10; z(0.9) = 1.2816 → s = ⌈92.8⌉ = 93
    // EOQ = √(2 · 50 · 20·365 / 2) = √365000 = 604.2 → 610 in packs of 10
    const policy = textbookPolicy(20, 25, { type: 'constant', value: 4 }, 0.9, 50, 2, 0, 10);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2816, 4);
    expect(policy).toEqual({ type: 'sS', reorderPoint: 93, orderUpTo: 93 + 610 });
    // a random lead time adds μ² Var[L]: L uniform 2..6 (variance 16/12): sd = √(4·25 + 400·4/3) = √633.3
    const random = textbookPolicy(20, 25, { type: 'uniform', min: 2, max: 6 }, 0.5, undefined, 2, 0, 1);
    expect(random).toEqual({ type: 'sS', reorderPoint: 80, orderUpTo: 80 + 280 });
    // a minimum order above the EOQ wins
    expect(textbookPolicy(20, 25, { type: 'constant', value: 4 }, 0.5, 50, 2, 1000, 1)).toEqual({ type: 'sS', reorderPoint: 80, orderUpTo: 1080 });
  });

  it('uses the master’s costs, lead times, suppliers and policies, and says what it assumed for the others', async () => {
    const sales = longFile(120, { a: () => 3, b: () => 5, c: (d) => (d % 2) * 2 });
    const master = ['sku;description;unit cost;price;holding rate;lead time;lead time sd;supplier;policy;s;S', 'a;Widget A;1,50;2,90;20%;4;1;acme;sS;10;40', 'b;Widget B;2;3;0,3;;;;;;', 'z;Unsold;1;2;;;;;;;'].join('\n');
    const result = await importFiles(file('sales.csv', sales), file('master.csv', master));
    const scenario = result.scenario!;
    const product = (id: string) => scenario.products.find((p) => p.id === id)!;
    expect(product('a')).toMatchObject({ name: 'Widget A', unitCost: 1.5, price: 2.9, holdingCost: { annualRate: 0.2 } });
    expect(product('b')).toMatchObject({ unitCost: 2, price: 3, holdingCost: { annualRate: 0.3 } });
    // c: no master row: cost 60% of the file's price 2.50, the default holding rate
    expect(product('c')).toMatchObject({ unitCost: 1.5, price: 2.5, holdingCost: { annualRate: 0.25 } });
    const point = (id: string) => scenario.stockPoints.find((p) => p.product === id)!;
    expect(point('a').policy).toEqual({ type: 'sS', reorderPoint: 10, orderUpTo: 40 });
    expect(point('a').source).toBe('acme');
    expect(scenario.lanes).toContainEqual({ from: 'acme', to: 'paris', leadTime: { type: 'normal', mean: 4, sd: 1 } });
    expect(point('b').source).toBe('supplier');
    expect(scenario.lanes).toContainEqual({ from: 'supplier', to: 'paris', leadTime: { type: 'constant', value: 7 } });
    const lines = result.report.lines.join('\n');
    expect(lines).toContain('master.csv: 1 SKUs of the master have no demand history, left out (z)');
    expect(lines).toContain('lead time: 2 stock points have none in a master file: 7 days assumed');
    expect(lines).toContain('unit cost: 1 SKUs have none in a master file: 60% of the price assumed');
  });

  it('reports a master cell it cannot read and goes on without it', async () => {
    const result = await importFiles(file('sales.csv', longFile(60, { a: () => 3 })), file('master.csv', 'sku,unitCost,lead time\na,cheap,abc\n'));
    expect(result.report.notes).toEqual([
      { file: 'master.csv', row: 2, column: 'unitCost', status: 'kept', reason: 'expected a unit cost >= 0, got "cheap"; not used' },
      { file: 'master.csv', row: 2, column: 'lead time', status: 'kept', reason: 'expected a lead time in days >= 0, got "abc"; not used' },
    ]);
    expect(result.scenario).not.toBeNull();
  });

  it('replays a short history or one asked for, and fits the rest', async () => {
    const result = await importFiles(file('sales.csv', longFile(20, { a: (d) => d % 4, b: () => 2 })), undefined, {});
    expect(result.summaries.every((s) => s.model === 'replay')).toBe(true);
    expect(result.summaries[0].reason).toContain('fewer than the 28 a fit needs');
    const history = result.scenario!.demand!.find((d) => d.product === 'a')!;
    expect(history).toMatchObject({ type: 'history' });
    // the replayed history is the file's, closed Sunday included (day 6: 0)
    expect((history as { series: number[] }).series.slice(0, 8)).toEqual([0, 1, 2, 3, 0, 1, 0, 3]);
    const asked = await importFiles(file('sales.csv', longFile(120, { a: (d) => d % 4, b: () => 2 })), undefined, { replay: new Set(['b']) });
    expect(asked.summaries.map((s) => s.model)).toEqual([expect.not.stringMatching(/^replay$/), 'replay']);
  });

  it('returns no scenario, with the reason, when nothing usable remains', async () => {
    const result = await importFiles(file('sales.csv', 'date,sku,units\n2024-01-01,a,0\n2024-01-02,a,0\n'), undefined);
    expect(result.scenario).toBeNull();
    expect(result.report.lines.join('\n')).toContain('nothing usable remains');
  });

  it('runs: the imported scenario’s replications finish and sell what the history sold, about', async () => {
    const result = await importFiles(file('sales.csv', longFile(182, { a: (d) => 5 + (d % 5), b: (d) => (d % 4 === 0 ? 12 : 0) })), undefined, { horizonDays: 120, replications: 4 });
    const parsed = parseScenario(result.scenario!);
    if (!parsed.ok) throw new Error('invalid');
    const experiment = runExperiment(parsed.scenario);
    const a = experiment.variants[0].stockPoints.find((p) => p.product === 'a')!;
    // mean 7 a day on 6 days in 7 (less a holiday): about 6 a calendar day over 120 days, ~720 units
    // demanded: those sold (revenue at the file's price of 2.50) and those lost
    const demanded = a.kpis.revenue.mean! / 2.5 + a.kpis.lostSalesUnits.mean!;
    expect(demanded).toBeGreaterThan(600);
    expect(demanded).toBeLessThan(840);
    expect(a.kpis.fillRate.mean!).toBeGreaterThan(0.9);
  });
});

describe('previewFile: what the wizard shows before importing', () => {
  it('shows the columns, first rows, recognised roles and the questions the file leaves open', async () => {
    const { previewFile } = await import('../../src/import/preview.ts');
    const preview = await previewFile(file('ventes.csv', 'Jour;Article;Ventes\n01/02/2024;a;6,5\n02/03/2024;a;3\n'), {}, undefined, 1);
    expect(preview).toMatchObject({
      format: 'csv',
      separator: ';',
      header: ['Jour', 'Article', 'Ventes'],
      rows: [{ row: 2, cells: ['01/02/2024', 'a', '6,5'] }],
      rowCount: 2,
      roles: { date: 0, sku: 1, units: 2 },
      layout: 'long',
      dates: { format: 'ambiguous', withTime: false },
      decimal: 'comma',
    });
    // a mapping moves a role; an empty one removes it (a wide file then)
    const mapped = await previewFile(file('ventes.csv', 'Jour;Article;Ventes\n01/02/2024;a;6,5\n'), { sku: '' });
    expect(mapped.layout).toBe('wide');
  });
});

describe('warehouses: a locations file, or --warehouse', () => {
  const sales = () => longFile(120, { a: () => 4, b: (d) => (d % 2) * 6 }, 'north') + longFile(120, { a: () => 2 }, 'south').split('\n').slice(1).join('\n');

  it('puts a warehouse between the supplier and its stores: lanes, sources, and its (s, S) on their demand added up', async () => {
    const locations = 'id,kind,supplied by,lead time\nnorth,store,dc,2\nsouth,magasin,dc,\ndc,entrepôt,,\n';
    const result = await importFiles(file('sales.csv', sales()), undefined, { leadTimeDays: 5, transferDays: 1 }, file('locations.csv', locations));
    const scenario = result.scenario!;
    expect(parseScenario(scenario).ok).toBe(true);
    expect(scenario.nodes).toEqual([
      { id: 'supplier', type: 'supplier' },
      { id: 'north', type: 'store' },
      { id: 'dc', type: 'warehouse' },
      { id: 'south', type: 'store' },
    ]);
    expect(scenario.lanes).toEqual([
      { from: 'dc', to: 'north', leadTime: { type: 'constant', value: 2 } },
      { from: 'supplier', to: 'dc', leadTime: { type: 'constant', value: 5 } },
      { from: 'dc', to: 'south', leadTime: { type: 'constant', value: 1 } },
    ]);
    const point = (node: string, product: string) => scenario.stockPoints.find((p) => p.node === node && p.product === product)!;
    expect(point('north', 'a').source).toBe('dc');
    // north/a: 4 a day on 6 days in 7, 2 days from the dc: s = ⌈2 · 24/7⌉ = 7, Q = 14 · 24/7 = 48
    expect(point('north', 'a').policy).toEqual({ type: 'sS', reorderPoint: 7, orderUpTo: 55 });
    // dc/a: north's 24/7 and south's 12/7 a day, over the supplier's 5 days: s = ⌈5 · 36/7⌉ = 26, Q = 14 · 36/7 = 72
    expect(point('dc', 'a')).toMatchObject({ source: 'supplier', policy: { type: 'sS', reorderPoint: 26, orderUpTo: 98 } });
    expect(result.summaries.find((s) => s.location === 'dc' && s.sku === 'a')).toMatchObject({ model: 'warehouse', reason: expect.stringContaining('supplies 2 stores') });
    expect(result.report.lines).toContain('locations.csv: 3 locations, 1 warehouse; 2 stores supplied by a warehouse');
  });

  it('--warehouse supplies every store; a locations file refers only to warehouses it lists', async () => {
    const all = await importFiles(file('sales.csv', sales()), undefined, { warehouse: 'central' });
    expect(all.scenario!.nodes.find((n) => n.id === 'central')).toEqual({ id: 'central', type: 'warehouse' });
    expect(all.scenario!.stockPoints.filter((p) => p.node === 'central').map((p) => p.product)).toEqual(['a', 'b']);
    const odd = await importFiles(file('sales.csv', sales()), undefined, {}, file('locations.csv', 'id,kind,supplied by\nnorth,store,nowhere\nsouth,shop,\n'));
    expect(odd.report.notes).toEqual([{ file: 'locations.csv', row: 2, column: 'supplied by', status: 'kept', reason: '"nowhere" is not a warehouse of this file; the store is supplied by each SKU\'s supplier' }]);
    expect(odd.scenario!.stockPoints.every((p) => p.source === 'supplier')).toBe(true);
    await expect(importFiles(file('sales.csv', sales()), undefined, {}, file('locations.csv', 'id,supplied by\nnorth,\n'))).rejects.toThrow('no kind column saying store or warehouse');
  });

  it('a SKU that never sells on one weekday is fitted without that weekday (no division by its zero), its demand kept', async () => {
    // a sells 5 on Mondays to Fridays and never on Saturdays (b does, so Saturday is open); closed on Sundays
    const result = await importFiles(file('sales.csv', longFile(140, { a: (d) => (d % 7 === 5 ? 0 : 5), b: () => 3 })), undefined);
    const demand = result.scenario!.demand!.find((d) => d.product === 'a') as { quantity: { type: string; value: number }; seasonality: { weekly: number[] } };
    // 20 weeks, 119 open days (1 May, a Wednesday, closed), 99 of them weekdays selling 5: open-day
    // mean 495/119; a weekday's multiplier 5 ÷ 495/119 = 1.202, Saturday's 0, Sunday closed
    const weekday = 5 / (495 / 119);
    expect(demand.seasonality.weekly.slice(0, 5).every((m) => Math.abs(m - weekday) < 1e-4)).toBe(true);
    expect(demand.seasonality.weekly.slice(5)).toEqual([0, 0]);
    // the divided-out history (5 ÷ 1.202 = 4.16 each weekday) is read as 4 in whole units, and scaled
    // back: multiplier × quantity = 5 a weekday, as sold
    expect(demand.quantity.type).toBe('constant');
    expect(demand.quantity.value * demand.seasonality.weekly[0]).toBeCloseTo(5, 3);
  });
});

describe('returns from negative quantities', () => {
  it('--negatives returns gives the product a returns model: the share of units sold that came back', async () => {
    const text = 'date,sku,units\n' + Array.from({ length: 40 }, (_, d) => `${isoDay(dayNumber(2024, 1, 1)! + d)},a,10`).join('\n') + '\n2024-01-05,a,-20\n2024-01-09,a,-12\n';
    const result = await importFiles(file('sales.csv', text), undefined, { negatives: 'returns' });
    // 400 sold, 32 returned: 8%
    expect(result.scenario!.products[0].returns).toEqual({ fraction: 0.08, afterDays: { type: 'constant', value: 14 }, restockShare: 1 });
    expect(result.report.lines.join('\n')).toContain('returns: 1 SKUs have returns in the history');
    const ignored = await importFiles(file('sales.csv', text), undefined, {});
    expect(ignored.scenario!.products[0].returns).toBeUndefined();
  });
});

describe('reading a file once: the wizard previews, then imports the same table', () => {
  it('imports a table already read exactly as the file, and reports the reading progress of a large CSV', async () => {
    const { readTable } = await import('../../src/import/importFiles.ts');
    const text = longFile(120, { a: (d) => d % 5, b: () => 3 });
    const table = await readTable(file('sales.csv', text));
    const fromTable = await importFiles(file('sales.csv', 'never read'), undefined, { demandTable: table });
    const fromFile = await importFiles(file('sales.csv', text), undefined);
    expect(fromTable.scenario).toEqual(fromFile.scenario);
    // the summary carries the history the fit saw, as days per value: a's 0..4 on the open days
    const a = fromFile.summaries.find((s) => s.sku === 'a')!;
    expect(a.history.values).toEqual([0, 1, 2, 3, 4]);
    expect(a.history.days.reduce((x, y) => x + y, 0)).toBe(a.daysUsed);
    const steps: string[] = [];
    const big = 'date,sku,units\n' + Array.from({ length: 120_000 }, (_, i) => `${isoDay(dayNumber(2024, 1, 1)! + (i % 300))},s${i % 400},1`).join('\n');
    await importFiles(file('big.csv', big), undefined, { onProgress: (step) => steps.push(step), rows: 'transactions' });
    expect(steps.filter((step) => /^reading big\.csv: \d+%$/.test(step)).length).toBeGreaterThanOrEqual(2);
    expect(steps).toContain('checking the scenario');
  });

  it('lists a workbook’s sheets in the preview', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('notes');
    const sheet = workbook.addWorksheet('sales');
    sheet.addRow(['date', 'sku', 'units']);
    sheet.addRow([new Date(Date.UTC(2024, 0, 1)), 'a', 3]);
    const { previewFile } = await import('../../src/import/preview.ts');
    const preview = await previewFile({ name: 'book.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expect(preview).toMatchObject({ format: 'xlsx', sheet: 'sales', sheets: ['notes', 'sales'], layout: 'long' });
  });
});
