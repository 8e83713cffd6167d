/**
 * The French interface (web/i18n/fr/) beside the English one (web/i18n/en/), issue 16: every French
 * file exports the same names with the same shape as its English reference, every string is translated,
 * and every function says something French. TypeScript already proves that each key exists in both
 * (the French objects are typed `typeof English`); these tests check what the types cannot: no string
 * left in English, functions of the same arity, and French typography.
 *
 * NOTE: the French files are not yet wired into the app: nothing imports web/i18n/fr/ outside this test.
 * A later change adds the locale switch.
 */
import { describe, expect, it } from 'vitest';
import { objectiveWarningFacts } from '../../src/experiment/recommend.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import * as enApp from '../../web/i18n/en/app.ts';
import * as enCharts from '../../web/i18n/en/charts.ts';
import * as enGallery from '../../web/i18n/en/gallery.ts';
import * as enNames from '../../web/i18n/en/names.ts';
import * as enOptimize from '../../web/i18n/en/optimize.ts';
import * as enPicker from '../../web/i18n/en/picker.ts';
import * as enRecommend from '../../web/i18n/en/recommend.ts';
import * as enResults from '../../web/i18n/en/results.ts';
import * as enSensitivity from '../../web/i18n/en/sensitivity.ts';
import * as enSweep from '../../web/i18n/en/sweep.ts';
import * as enStepper from '../../web/i18n/en/stepper.ts';
import * as enEchelons from '../../web/i18n/en/echelons.ts';
import * as enWorker from '../../web/i18n/en/worker.ts';
import * as enWarnings from '../../web/i18n/en/warnings.ts';
import * as frApp from '../../web/i18n/fr/app.ts';
import * as frCharts from '../../web/i18n/fr/charts.ts';
import * as frGallery from '../../web/i18n/fr/gallery.ts';
import * as frNames from '../../web/i18n/fr/names.ts';
import * as frOptimize from '../../web/i18n/fr/optimize.ts';
import * as frPicker from '../../web/i18n/fr/picker.ts';
import * as frRecommend from '../../web/i18n/fr/recommend.ts';
import * as frResults from '../../web/i18n/fr/results.ts';
import * as frSensitivity from '../../web/i18n/fr/sensitivity.ts';
import * as frSweep from '../../web/i18n/fr/sweep.ts';
import * as frStepper from '../../web/i18n/fr/stepper.ts';
import * as frEchelons from '../../web/i18n/fr/echelons.ts';
import * as frWorker from '../../web/i18n/fr/worker.ts';
import * as frWarnings from '../../web/i18n/fr/warnings.ts';

/** each translated file: its English module and its French module (all their runtime exports) */
const FILES: Array<[name: string, english: object, french: object]> = [
  ['app', enApp, frApp],
  ['charts', enCharts, frCharts],
  ['names', enNames, frNames],
  ['results', enResults, frResults],
  ['picker', enPicker, frPicker],
  ['worker', enWorker, frWorker],
  ['gallery', enGallery, frGallery],
  ['optimize', enOptimize, frOptimize],
  ['recommend', enRecommend, frRecommend],
  ['sensitivity', enSensitivity, frSensitivity],
  ['sweep', enSweep, frSweep],
  ['stepper', enStepper, frStepper],
  ['echelons', enEchelons, frEchelons],
  ['warnings', enWarnings, frWarnings],
];

/**
 * Strings that may read the same in French as in English:
 * - file formats and the KPI abbreviation, which French uses as is: SVG, PNG, KPI;
 * - notation shared by both languages: the policy types "(s, S)" and "(r, Q)" (textbook notation), the
 *   ABC/XYZ class letters and their "–" (no class), and the symbols "%", "±", "×" and the minus sign "−";
 * - the empty currency affixes of d3-format's locale definition ("" before and after an amount);
 * - words spelled the same in French: "Description", "Type" (scenario field labels), "Pause" (the step-through's button).
 */
const SAME_STRING_ALLOWED = new Set([
  'SVG', 'PNG', 'KPI',
  '(s, S)', '(r, Q)', 'ABC', 'XYZ', 'A', 'B', 'C', 'X', 'Y', 'Z', '–', '%', '±', '×', '−',
  '',
  'Description', 'Type', 'Pause',
]);

/**
 * Functions whose output may equal the English one for the same arguments: they only join their
 * arguments with punctuation both languages share ("1 / 2", "Variante · Cause", "3–5", "Nom (id)").
 */
const SAME_OUTPUT_ALLOWED = new Set(['app.deck.counter', 'charts.churnBar', 'charts.daysSpan', 'picker.full']);

const scenario = {
  products: [{ id: 'beans' }],
  nodes: [{ id: 'warehouse' }, { id: 'shop' }],
  stockPoints: [{ node: 'shop', product: 'beans', policy: { type: 'sS', reorderPoint: 10, orderUpTo: 30 } }],
};

/**
 * Arguments for the functions that need more than numbers or short strings (lists, objects, one of a
 * few words); every other function is called with numbers 1 and 2 in turn, or, if the English one
 * cannot take numbers, with short strings.
 */
const ARGUMENTS: Record<string, unknown[]> = {
  'charts.bestHint': ['higher'],
  'gallery.lesson.unknown': ['classroom/nope', ['classroom/newsvendor', 'classroom/bullwhip']],
  'charts.parameterPoint': [['Reorder point', 'Order quantity'], ['40', '12.5']],
  'charts.groupName': ['48', 'stores', ['Central DC']],
  'results.kpiHint': ['Fill rate', 'fillRate', 'higher'],
  'optimize.caption': [3, 12, 'beans at shop', { screen: 2, confirm: 0 }],
  'optimize.widen': ['reorderPoint = 40', '0.93', 'Reorder point', 'up', '60:100:10'],
  'optimize.widenButton': ['Reorder point'],
  'recommend.phase': ['search', 3, 9, 2],
  'recommend.cannotMeetWhy': [{ bestLevel: 14, kpi: 'fillRate', reached: { mean: 0.803, sd: 0.01, halfWidth: 0.004, n: 10 }, limit: { kind: 'sourceCapacity', source: 'supplier', capacityPerDay: 1, demandPerDay: 2 } }],
  'recommend.warning': [
    objectiveWarningFacts({ products: [{ id: 'beans', unmetDemand: 'lost', stockoutPenalty: 0 }], stockPoints: [], customers: [] } as unknown as Scenario, { objective: 'totalCost' }, [{ node: 'shop', product: 'beans' }])[0],
  ],
  'sweep.nodeChoice': ['shop', 'baseStock'],
  'sweep.frontierLabelKey': [['reorderPoint', 'orderQuantity']],
  'sweep.pointName': [['reorderPoint', 'orderQuantity'], [1624, 12.5]],
  'sweep.pointShort': [[40, 12.5]],
  'names.parameterLabel': ['reorderPoint'],
  'names.policyTypeLabel': ['baseStock'],
  'names.humanPath': ['stockPoints[0].policy.orderUpTo', scenario],
  'names.issueLocation': ['stockPoints[0].policy.orderUpTo', scenario],
  'names.issueLine': [{ path: 'horizonDays', message: 'expected a number > 0' }, scenario],
  'stepper.daySentence': [
    12,
    [
      { point: 0, kind: 'sold', quantity: 8, count: null },
      { point: 0, kind: 'short', quantity: 3, count: 3 },
    ],
    { points: [{ node: 'shop', product: 'beans', from: 'warehouse', fromHoldsStock: true }] },
  ],
  'stepper.activeCustomers': ['shop', 12],
  'echelons.group': [3, 'Store A'],
  'warnings.warning': [{ kind: 'neverOrders', node: 'shop', product: 'beans', reorderPoint: -1.1648 }],
};

type Fn = (...args: unknown[]) => unknown;

const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** every leaf of a module's exports, by path ("app.analysis.sweep"), with its English and French values */
function pairs(name: string, english: unknown, french: unknown): Array<[path: string, english: unknown, french: unknown]> {
  const found: Array<[string, unknown, unknown]> = [[name, english, french]];
  if ((kind(english) === 'object' || kind(english) === 'array') && kind(french) === kind(english)) {
    const en = english as Record<string, unknown>;
    const fr = french as Record<string, unknown>;
    for (const key of Object.keys(en)) if (Object.hasOwn(fr, key)) found.push(...pairs(`${name}.${key}`, en[key], fr[key]));
  }
  return found;
}

/** a module namespace's path prefix: its exported object's name is already the file's in most files */
const leaves = (file: string, english: object, french: object) =>
  Object.keys(english).flatMap((key) => pairs(`${file}.${key}`, (english as Record<string, unknown>)[key], (french as Record<string, unknown>)[key]));

/** the exported functions' paths as ARGUMENTS names them: "app.formatDuration", "app.deck.counter" (the exported object's own name dropped) */
function shortPath(file: string, path: string, english: object): string {
  const [, exported, ...rest] = path.split('.');
  return typeof (english as Record<string, unknown>)[exported] === 'function' ? `${file}.${exported}` : [file, ...rest].join('.');
}

function call(fn: Fn, args: unknown[]): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: fn(...args) };
  } catch {
    return { ok: false };
  }
}

/** French typography: no ordinary space before : ; ? ! or %, and no digit glued to % */
function typographyProblems(text: string): string[] {
  const problems: string[] = [];
  if (/ [:;?!»]/.test(text)) problems.push('an ordinary space before : ; ? ! or »');
  if (/« /.test(text)) problems.push('an ordinary space after «');
  if (/[\d ]%/.test(text)) problems.push('% without a no-break space before it');
  return problems;
}

describe('the French interface has the shape of the English one', () => {
  for (const [file, english, french] of FILES) {
    describe(`web/i18n/fr/${file}.ts`, () => {
      it('exports the same names, with the same keys, recursively, and the same kinds (functions of the same length)', () => {
        expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
        for (const [path, en, fr] of leaves(file, english, french)) {
          expect(kind(fr), path).toBe(kind(en));
          if (kind(en) === 'object' || kind(en) === 'array') expect(Object.keys(fr as object).sort(), path).toEqual(Object.keys(en as object).sort());
          if (typeof en === 'function') expect((fr as Fn).length, `${path}: number of parameters`).toBe((en as Fn).length);
        }
      });

      it('translates every string (only the allowed symbols, formats and shared words read the same)', () => {
        const untranslated = leaves(file, english, french)
          .filter(([, en, fr]) => typeof en === 'string' && en === fr && !SAME_STRING_ALLOWED.has(en))
          .map(([path, en]) => `${path}: ${JSON.stringify(en)}`);
        expect(untranslated).toEqual([]);
      });

      it('gives every function a French sentence, not the English one', () => {
        const checked: string[] = [];
        for (const [path, en, fr] of leaves(file, english, french)) {
          if (typeof en !== 'function') continue;
          const name = shortPath(file, path, english);
          const numbers = Array.from({ length: (en as Fn).length }, (_, i) => (i % 2 === 0 ? 1 : 2));
          const strings = Array.from({ length: (en as Fn).length }, (_, i) => (i % 2 === 0 ? 'shop' : 'beans'));
          let args = ARGUMENTS[name] ?? numbers;
          let reference = call(en as Fn, args);
          if (!reference.ok && !(name in ARGUMENTS)) {
            args = strings;
            reference = call(en as Fn, args);
          }
          expect(reference.ok, `${name}: the English function takes ${JSON.stringify(args)}`).toBe(true);
          const result = call(fr as Fn, args);
          expect(result.ok, `${name}: the French function takes ${JSON.stringify(args)}`).toBe(true);
          if (!reference.ok || !result.ok) continue;
          expect(typeof result.value, name).toBe('string');
          expect((result.value as string).length, `${name}: not empty`).toBeGreaterThan(0);
          if (!SAME_OUTPUT_ALLOWED.has(name)) expect(result.value, `${name}(${JSON.stringify(args)})`).not.toBe(reference.value);
          expect(typographyProblems(result.value as string), `${name}: ${JSON.stringify(result.value)}`).toEqual([]);
          checked.push(name);
        }
        // every ARGUMENTS entry for this file names a function that exists
        const named = Object.keys(ARGUMENTS).filter((key) => key.startsWith(`${file}.`));
        expect(named.filter((key) => !checked.includes(key))).toEqual([]);
      });

      it('follows French typography in its strings (no-break spaces before : ; ? ! % and inside « »)', () => {
        const problems = leaves(file, english, french)
          .filter(([, , fr]) => typeof fr === 'string')
          .flatMap(([path, , fr]) => typographyProblems(fr as string).map((problem) => `${path}: ${problem} in ${JSON.stringify(fr)}`));
        expect(problems).toEqual([]);
      });
    });
  }
});

describe('French numbers, plurals and durations', () => {
  it('writes numbers the French way: decimal comma, narrow no-break space between thousands', () => {
    expect(frApp.app.precisionBadCap(1000)).toBe('Saisissez un nombre entier de réplications de 2 à 1\u202f000.');
    expect(frApp.app.comparisonHelp('A', 351)).toContain('sur la fenêtre mesurée de 351\u00a0jours');
    expect(frCharts.charts.measuredWindow(351.5)).toContain('351,5\u00a0jours');
  });

  it('puts 0 and 1 in the singular', () => {
    expect(frCharts.charts.replicationsCount(0)).toBe('0 réplication');
    expect(frCharts.charts.replicationsCount(1)).toBe('1 réplication');
    expect(frCharts.charts.replicationsCount(2)).toBe('2 réplications');
    expect(frApp.app.invalid(1)).toContain('1 problème dans le scénario\u00a0: corrigez-le');
    expect(frApp.app.invalid(3)).toContain('3 problèmes dans le scénario\u00a0: corrigez-les');
  });

  it('formats durations with a decimal comma and no-break spaces', () => {
    expect(frApp.formatDuration(3.2)).toBe('3,2\u00a0s');
    expect(frApp.formatDuration(42)).toBe('42\u00a0s');
    expect(frApp.formatDuration(75)).toBe('1\u00a0min 15\u00a0s');
  });

  it('names issue paths in French, keeping the raw path', () => {
    expect(frNames.issueLocation('stockPoints[0].policy.orderUpTo', scenario)).toBe(
      'Point de stock 1 (shop · beans) › Niveau de recomplètement (stockPoints[0].policy.orderUpTo)',
    );
    expect(frNames.humanPath('(file)')).toBe('(file)');
  });

  it('writes sweep parameters the French way, rounded as in English', () => {
    expect(frSweep.sweep.pointName(['reorderPoint', 'orderQuantity'], [1624.2094, 12.5])).toBe('Point de commande = 1\u202f624\u202f; Quantité de commande = 12,5');
  });
});
