/**
 * The French editor and import texts against their English reference.
 *
 * NOTE: the French files (web/i18n/fr/editor.ts, import.ts) are NOT YET WIRED INTO THE APP: nothing
 * passes them to `createScenarioEditor({ strings })` or the import wizard. This test keeps them
 * complete and in step with English until they are.
 *
 * It checks, for editor and import: (1) the same keys, recursively, of the same kinds (string,
 * function of the same `length`, nested object); (2) no French string equal to its English
 * counterpart outside a short, justified allow-list; (3) every function, called with plausible
 * arguments, returns a non-empty text that differs from the English one. It also checks French
 * typography: no ordinary space before : ; ! ? or inside « », nor before %. The gallery scenarios'
 * French names and descriptions (web/i18n/fr/scenarios.ts) are checked in i18nScenarios.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { editorStrings as enEditor } from '../../web/i18n/en/editor.ts';
import { importStrings as enImport } from '../../web/i18n/en/import.ts';
import { editorStrings as frEditor } from '../../web/i18n/fr/editor.ts';
import { importStrings as frImport } from '../../web/i18n/fr/import.ts';

type Kind = 'string' | 'object' | `function/${number}` | `other:${string}`;

/** Every leaf and nested object of a strings object, by dotted path, with its kind. */
function shape(value: unknown, path = '', out = new Map<string, Kind>()): Map<string, Kind> {
  if (typeof value === 'string') out.set(path, 'string');
  else if (typeof value === 'function') out.set(path, `function/${value.length}`);
  else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if (path !== '') out.set(path, 'object');
    for (const [key, child] of Object.entries(value)) shape(child, path === '' ? key : `${path}.${key}`, out);
  } else out.set(path, `other:${Array.isArray(value) ? 'array' : typeof value}`);
  return out;
}

function at(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) value = (value as Record<string, unknown>)[key];
  return value;
}

/**
 * English strings a French string may equal, each with its reason. Anything else left equal is an
 * untranslated string.
 */
const SAME_IN_FRENCH: Record<string, string> = {
  JSON: 'a file format name',
  '(s, S)': 'policy notation, the same in French textbooks',
  '(r, Q)': 'policy notation, the same in French textbooks',
  Type: 'the same word in French',
  Date: 'the same word in French',
  Description: 'the same word in French',
  Poisson: "a proper name (Poisson's law)",
  'fillRate, holdingCost, totalCost, customersChurned': 'KPI ids, written as the scenario file writes them (the headline field shows its default)',
};

/** Functions whose French output may equal the English one, with the reason. */
const SAME_OUTPUT: Record<string, string> = {
  'forms.titles.lane': 'two ids joined by an arrow: no words to translate',
  'forms.titles.node': 'an id and its type label (translated by the caller) in parentheses; the words show only when both are missing, checked by its second call',
};

const scenarioForPaths = {
  products: [{ id: 'beans' }],
  nodes: [{ id: 'roaster' }, { id: 'shop' }],
  stockPoints: [{ node: 'shop', product: 'beans', policy: { type: 'sS', reorderPoint: 10, orderUpTo: 30 } }],
};

/** Plausible arguments for every function (several calls where the text has branches). */
const EDITOR_ARGS: Record<string, unknown[][]> = {
  'editor.problems': [[1], [5], [1200]],
  'editor.moreProblems': [[3]],
  'editor.issueWhere': [['stockPoints[0].policy.orderUpTo', scenarioForPaths], ['horizonDays']],
  'editor.goTo': [['Horizon (days) (horizonDays)', 'expected a number > 0']],
  'editor.formsCannotShow': [['nodes[1]', 'expected an object']],
  'forms.notAList': [['nodes']],
  'forms.itemNotObject': [['nodes[1]']],
  'forms.more': [[['headline', 'shortageShipping']]],
  'forms.removeItem': [['shop']],
  'forms.itemOf': [['warehouse 1', 'Orders from online-north']],
  'forms.placeholderDefault': [['7']],
  'forms.placeholderDueDays': [['2.5'], ['']],
  'forms.placeholderFromEstimates': [['0.36']],
  'forms.add.scriptedPeriodTo': [['beer at retailer']],
  'forms.titles.scriptedPeriod': [[1]],
  'forms.fields.ofScriptedPeriod': [[2, 'From day']],
  'forms.unknownOption': [['fifo2']],
  'forms.zoneNote': [[true], [false]],
  'forms.overriddenBy': [[['lean', 'generous']]],
  'forms.add.warehouseTo': [['Orders from online-north']],
  'forms.add.shockTo': [['beans at shop']],
  'forms.add.overrideTo': [['Variant lean']],
  'forms.titles.product': [['beans'], ['']],
  'forms.titles.node': [['shop', 'store'], ['', '']],
  'forms.titles.lane': [['roaster', 'shop']],
  'forms.titles.stockPoint': [['shop', 'beans']],
  'forms.titles.demand': [['shop', 'beans', ''], ['shop', 'beans', 'wholesale']],
  'forms.titles.customers': [['shop']],
  'forms.titles.fulfilment': [['online-north']],
  'forms.titles.recall': [['faulty switch']],
  'forms.titles.shock': [[2]],
  'forms.titles.warehouse': [[1]],
  'forms.titles.disruption': [['supplier outage', 'roaster']],
  'forms.titles.variant': [['lean'], ['']],
  'forms.titles.override': [[1]],
  'forms.fields.servingWarehouse': [[2]],
  'forms.fields.ofWarehouse': [[2, 'Transit to customers (days)']],
  'forms.fields.ofShock': [[1, 'Demand multiplied by']],
  'forms.fields.ofOverride': [[1, 'Policy']],
  'tables.shown': [[12, 800], [1, 1]],
  'tables.select': [['shop · beans']],
  'tables.selected': [[1], [3]],
  'tables.edit': [['shop · beans']],
  'tables.problemsInRow': [[2]],
  'tables.itemHeading': [['shop · beans']],
  'tables.setPolicyApply': [[4]],
  'tables.setParameterApply': [[4]],
  'tables.bulkDone': [[4, 0, ''], [4, 2, 'their policy has no such parameter']],
  'tables.bulkBadValue': [['abc']],
  'json.lineColumn': [[3, 14]],
  'json.syntaxAt': [[3, 14, 'Unexpected token']],
  'files.tooLarge': [[20]],
  'files.unreadable': [['scenario.json']],
  'share.tooLarge': [[1500, 1024]],
  'share.linkTooLong': [[2048]],
  'share.scenarioTooLarge': [[20]],
  'share.badReplications': [['0']],
  'share.badPrecision': [['fillRate:x']],
};

const IMPORT_ARGS: Record<string, unknown[][]> = {
  chosen: [['sales.csv', 12_345], ['sales.xlsx', 3_500_000]],
  cannotRead: [['no rows']],
  sheetHint: [[3]],
  cannotReadSheet: [['the sheet is empty']],
  roleOf: [['Qty']],
  previewCaption: [[20, 1500]],
  layout: [['long', 1500], ['wide', 365, 'Sales'], ['none', 10]],
  dateQuestion: [['03/04/2024']],
  dateReading: [[new Date(Date.UTC(2024, 3, 3))], [new Date(Date.UTC(2024, 0, 1))]],
  decimalQuestion: [['6,5']],
  decimalComma: [['6,5']],
  decimalPoint: [['6,5']],
  cannotImport: [['out of memory']],
  stepPreview: [['sales.csv']],
  stepName: [['fitting demand'], ['checking the scenario'], ['reading sales.csv'], ['reading sales.csv: 40%'], ['fitting demand: 50 of 800 SKU-locations']],
  step: [[2, 4, 'reading sales.csv', 12.4]],
  imported: [[3.21]],
  tooLarge: [['sales.csv', 300 * 2 ** 20, 200 * 2 ** 20]],
  noteCounts: [[0, 0], [3, 1], [1, 12]],
  reportFileName: [['sales.csv']],
  fitsFileName: [['sales.csv']],
  replayOf: [['BEANS-250']],
  replayPending: [[0], [1], [3]],
  showFitOf: [['BEANS-250', 'shop']],
  modelName: [['normal'], ['negativeBinomial']],
  policy: [
    [{ type: 'sS', reorderPoint: 10, orderUpTo: 40 }, 'textbook'],
    [{ type: 'rQ', reorderPoint: 10.5, orderQuantity: 1200 }, 'master'],
    [{ type: 'baseStock', level: 12 }, 'textbook'],
  ],
  pageRange: [[1, 50, 1200]],
  chartTitle: [['BEANS-250', 'shop']],
  chartCaption: [['BEANS-250', 'shop', 310]],
  legendModel: [['Poisson']],
  binRange: [[3, 5]],
  // the caller formats the share and the model's value (in French: 12 %, 0,5 %)
  binTooltip: [['3–5', '12\u00a0%', 40, '10\u00a0%'], ['3', '0,5\u00a0%', 1, null]],
  opened: [['Imported from sales.csv']],
};

const text = (output: unknown): string => (Array.isArray(output) ? output.join('\n') : String(output));

/** French typography: the problems found in a French text (empty when none). */
function typographyProblems(value: string): string[] {
  const problems: string[] = [];
  if (/ [:;!?](?=\s|$)/.test(value)) problems.push('ordinary space before : ; ! or ?');
  if (/\S[;!?](?=\s|$)/.test(value.replace(/&[a-z]+;/g, ''))) problems.push('no narrow no-break space before ; ! or ?');
  if (/« |«\S| »|\S»/.test(value)) problems.push('« » without no-break spaces inside');
  if (/\d %|\d%/.test(value)) problems.push('% without a no-break space');
  if (/\w'\w/.test(value)) problems.push("straight apostrophe (’ expected)");
  return problems;
}

function checkParity(name: string, english: unknown, french: unknown, args: Record<string, unknown[][]>) {
  describe(`${name}: French against English`, () => {
    const en = shape(english);
    const fr = shape(french);

    it('has the same keys, recursively, of the same kinds', () => {
      expect([...fr.entries()].sort()).toEqual([...en.entries()].sort());
    });

    it('translates every string (outside the allow-list), with French typography', () => {
      const untranslated: string[] = [];
      const typography: string[] = [];
      for (const [path, kind] of en) {
        if (kind !== 'string') continue;
        const e = at(english, path) as string;
        const f = at(french, path) as string;
        if (f === e && !Object.hasOwn(SAME_IN_FRENCH, e)) untranslated.push(`${path}: "${e}"`);
        for (const problem of typographyProblems(f)) typography.push(`${path}: ${problem}: "${f}"`);
      }
      expect(untranslated).toEqual([]);
      expect(typography).toEqual([]);
    });

    it('has plausible arguments for every function, and no stale ones', () => {
      const functions = [...en].filter(([, kind]) => kind.startsWith('function/')).map(([path]) => path);
      expect(Object.keys(args).sort()).toEqual(functions.sort());
    });

    it('gives, for every function, a non-empty French text that differs from the English', () => {
      const problems: string[] = [];
      for (const [path, calls] of Object.entries(args)) {
        const e = at(english, path) as (...a: unknown[]) => unknown;
        const f = at(french, path) as (...a: unknown[]) => unknown;
        if (typeof e !== 'function' || typeof f !== 'function') continue;
        for (const call of calls) {
          const inFrench = text(f(...call));
          const inEnglish = text(e(...call));
          const label = `${path}(${call.map((a) => JSON.stringify(a)).join(', ')})`;
          if (inFrench.trim() === '') problems.push(`${label}: empty`);
          if (inFrench === inEnglish && !Object.hasOwn(SAME_OUTPUT, path)) problems.push(`${label}: same as English: "${inEnglish}"`);
          for (const problem of typographyProblems(inFrench)) problems.push(`${label}: ${problem}: "${inFrench}"`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
}

checkParity('editor', enEditor, frEditor, EDITOR_ARGS);
checkParity('import', enImport, frImport, IMPORT_ARGS);
