/**
 * The network diagram (web/charts/networkDiagram.ts) of every gallery scenario, in Chromium at 390,
 * 1280 and 1920 px: no text is cut ("…": boxes are as wide as their names, which may take two lines,
 * the whole name in a <title>), no two texts overlap, and no arrow passes through a box it does not
 * connect (arrows are routed between columns and round the boxes of the columns they pass). Geometry
 * is read in the page: texts' client rectangles, and points every few pixels along each arrow's path.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { launchBrowser, openApp, REPO_ROOT, type AppPage } from './harness.ts';

const WIDTHS = [1280, 390, 1920] as const;
const files = (await readdir(join(REPO_ROOT, 'scenarios'))).filter((file) => file.endsWith('.json')).sort();

/**
 * Not in the gallery: a lane past a column (the plant straight to a store, past the warehouses), a
 * lane within a column (store to store), long names, two warehouses in the column passed.
 */
const routing = {
  version: 1,
  name: 'Routing round boxes',
  horizonDays: 60,
  warmupDays: 0,
  replications: 2,
  seed: 'route',
  products: [{ id: 'widget', unitCost: 10, price: 15, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'backorder' }],
  nodes: [
    { id: 'plant', type: 'supplier', name: 'Plant with a rather long name' },
    { id: 'dc', type: 'warehouse', name: 'Distribution centre North' },
    { id: 'dc2', type: 'warehouse', name: 'Distribution centre South' },
    { id: 'a', type: 'store', name: 'Store A' },
    { id: 'b', type: 'store', name: 'Store B' },
    { id: 'c', type: 'store', name: 'Store C, supplied straight from the plant' },
  ],
  lanes: [
    { from: 'plant', to: 'dc', leadTime: { type: 'constant', value: 3 } },
    { from: 'plant', to: 'dc2', leadTime: { type: 'constant', value: 3 } },
    { from: 'dc', to: 'a', leadTime: { type: 'constant', value: 1 } },
    { from: 'dc2', to: 'b', leadTime: { type: 'constant', value: 1 } },
    { from: 'a', to: 'b', leadTime: { type: 'constant', value: 0.5 } },
    { from: 'plant', to: 'c', leadTime: { type: 'constant', value: 6 } },
  ],
  stockPoints: [
    { node: 'dc', product: 'widget', policy: { type: 'baseStock', level: 40 } },
    { node: 'dc2', product: 'widget', policy: { type: 'baseStock', level: 40 } },
    { node: 'a', product: 'widget', policy: { type: 'baseStock', level: 12 } },
    { node: 'b', product: 'widget', policy: { type: 'baseStock', level: 12 }, source: 'dc2' },
    { node: 'c', product: 'widget', policy: { type: 'baseStock', level: 30 } },
  ],
  demand: ['a', 'b', 'c'].map((node) => ({ type: 'arrivals', node, product: 'widget', customersPerDay: 3 })),
};

const cases: { name: string; text: () => Promise<string> }[] = [
  ...files.map((file) => ({ name: file, text: () => readFile(join(REPO_ROOT, 'scenarios', file), 'utf8') })),
  { name: 'a lane past a column and one within a column', text: async () => JSON.stringify(routing) },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Problems {
  cut: string[];
  overlaps: string[];
  crossings: string[];
  /** link labels on a box (or its border) */
  onBoxes: string[];
  names: string[];
  boxes: number;
  links: number;
}

/** What is wrong with the network diagram drawn in the page, by kind. */
const problemsOf = (page: Page): Promise<Problems> =>
  page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('#network svg.chart-svg')!;
    const texts = [...svg.querySelectorAll<SVGTextElement>('text')].filter((t) => (t.textContent ?? '').trim() !== '');
    const label = (t: Element) => `"${(t.firstChild?.textContent ?? t.textContent ?? '').trim()}"`;
    // the text as drawn (its <title>, a tooltip, is not)
    const drawn = (t: SVGTextElement) => [...t.childNodes].filter((n) => n.nodeName !== 'title').map((n) => n.textContent).join(' ').trim();
    const cut = texts.filter((t) => drawn(t).endsWith('…')).map(drawn);
    const rects = texts.map((t) => t.getBoundingClientRect());
    const overlaps: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = rects[i];
        const b = rects[j];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) overlaps.push(`${drawn(texts[i])} / ${drawn(texts[j])}`);
      }
    }
    const nodes = [...svg.querySelectorAll<SVGGElement>('g.network-node')].map((g) => ({ id: g.dataset.node!, rect: g.querySelector('rect.node-box')!.getBoundingClientRect() }));
    const crossings: string[] = [];
    const links = [...svg.querySelectorAll<SVGGElement>('g.lane, g.fulfilment')];
    for (const g of links) {
      const path = g.querySelector<SVGPathElement>('path')!;
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 3) {
        const p = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(matrix);
        const hit = nodes.find((n) => n.id !== g.dataset.from && n.id !== g.dataset.to && p.x > n.rect.left + 1 && p.x < n.rect.right - 1 && p.y > n.rect.top + 1 && p.y < n.rect.bottom - 1);
        if (hit) {
          crossings.push(`${g.dataset.from} → ${g.dataset.to} through ${hit.id}`);
          break;
        }
      }
    }
    const onBoxes: string[] = [];
    for (const text of svg.querySelectorAll<SVGTextElement>('.lane-label')) {
      const r = text.getBoundingClientRect();
      const hit = nodes.find((n) => Math.min(r.right, n.rect.right) - Math.max(r.left, n.rect.left) > -2 && Math.min(r.bottom, n.rect.bottom) - Math.max(r.top, n.rect.top) > -2);
      if (hit) onBoxes.push(`${drawn(text)} on ${hit.id}`);
    }
    void label;
    const names = [...svg.querySelectorAll<SVGTextElement>('.node-name')].map((t) => t.querySelector('title')?.textContent ?? '');
    return { cut, overlaps, crossings, onBoxes, names, boxes: nodes.length, links: links.length };
  });

/** Waits until the network diagram is drawn at the page's current width (a resize redraws it). */
async function drawnAt(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.waitForFunction(
    (w) => {
      const svg = document.querySelector<SVGSVGElement>('#network svg.chart-svg');
      const body = document.querySelector<HTMLElement>('#network .chart-body');
      // drawn for this width: the svg at least as wide as its section (wider when it scrolls sideways)
      return svg !== null && body !== null && window.innerWidth === w && Number(svg.getAttribute('width')) >= Math.max(320, body.clientWidth) - 1;
    },
    width,
    { timeout: 20_000 },
  );
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

describe('the network diagram of each gallery scenario', () => {
  for (const { name: file, text: textOf } of cases) {
    test(`${file}: names whole, texts apart, arrows round the boxes, labels off them, at ${WIDTHS.join(', ')} px`, async () => {
      const text = await textOf();
      const scenario = JSON.parse(text) as { nodes: { id: string; name?: string }[] };
      const app: AppPage = await openApp(browser, inject('stocklabUrl'), { hash: await encodeScenarioForUrl(text, { replications: 2 }), width: 1280, height: 900 });
      try {
        await app.page.waitForSelector('#network svg.chart-svg', { timeout: 60_000 });
        for (const width of WIDTHS) {
          await drawnAt(app.page, width);
          const problems = await problemsOf(app.page);
          expect(problems.boxes, `${file} at ${width} px`).toBe(scenario.nodes.length);
          expect(problems.names.sort(), `${file} at ${width} px`).toEqual(scenario.nodes.map((n) => n.name ?? n.id).sort());
          expect({ width, cut: problems.cut, overlaps: problems.overlaps, crossings: problems.crossings, onBoxes: problems.onBoxes }).toEqual({ width, cut: [], overlaps: [], crossings: [], onBoxes: [] });
        }
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    }, 180_000);
  }
});
