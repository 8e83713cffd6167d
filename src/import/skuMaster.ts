import type { Distribution, Policy } from '../scenario/schema.ts';
import { quoted } from '../scenario/issues.ts';
import { foldName } from './columnRoles.ts';
import { addLine, count, type ImportReport, type PolicyProblem, type RowDetail } from './importReport.ts';
import { decimalMarkOf, readNumber, type DecimalMark } from './numbers.ts';
import { cellText, ImportError, type Table } from './table.ts';

/**
 * A SKU master: per SKU, what the demand file cannot say. Every column is optional but the SKU; a
 * cell left empty means "not given" (the import then says what it used instead), a cell that cannot be
 * read is reported and treated as not given.
 */
export interface SkuFacts {
  name?: string;
  unitCost?: number;
  price?: number;
  /** yearly holding cost as a fraction of the unit cost (0.25) */
  holdingRate?: number;
  leadTime?: Distribution;
  supplier?: string;
  minOrderQuantity?: number;
  casePack?: number;
  orderingCost?: number;
  policy?: Policy;
}

type Field = 'sku' | 'name' | 'unitCost' | 'price' | 'holdingRate' | 'leadTime' | 'leadTimeSd' | 'leadTimeMin' | 'leadTimeMax' | 'supplier' | 'minOrderQuantity' | 'casePack' | 'orderingCost' | 'policy' | 'reorderPoint' | 'orderUpTo' | 'orderQuantity' | 'level' | 'reviewPeriod';

/** Column names of each field (folded as columnRoles.ts folds them). */
const NAMES: Record<Field, readonly string[]> = {
  sku: ['sku', 'article', 'item', 'itemcode', 'stockcode', 'product', 'productid', 'produit', 'reference', 'ref', 'artikel', 'code'],
  name: ['name', 'description', 'productname', 'libelle', 'designation', 'bezeichnung', 'nom'],
  unitCost: ['unitcost', 'cost', 'cout', 'coutunitaire', 'prixachat', 'purchaseprice', 'einkaufspreis', 'cogs', 'standardcost'],
  price: ['price', 'unitprice', 'sellingprice', 'medianunitprice', 'medianprice', 'averageprice', 'avgprice', 'listprice', 'prix', 'prixvente', 'prixmoyen', 'preis', 'verkaufspreis'],
  holdingRate: ['holdingrate', 'holdingcostrate', 'carryingrate', 'carryingcostrate', 'tauxdepossession', 'tauxpossession', 'lagerkostensatz'],
  leadTime: ['leadtime', 'leadtimedays', 'leadtimemean', 'delai', 'delaiappro', 'delaimoyen', 'lieferzeit', 'wiederbeschaffungszeit'],
  leadTimeSd: ['leadtimesd', 'leadtimestd', 'leadtimestddev', 'leadtimespread', 'ecarttypedelai'],
  leadTimeMin: ['leadtimemin', 'delaimin', 'minleadtime'],
  leadTimeMax: ['leadtimemax', 'delaimax', 'maxleadtime'],
  supplier: ['supplier', 'vendor', 'fournisseur', 'lieferant'],
  minOrderQuantity: ['moq', 'minorder', 'minimumorder', 'minorderquantity', 'minimumorderquantity', 'qtemin', 'mindestbestellmenge'],
  casePack: ['casepack', 'packsize', 'pack', 'colisage', 'caseqty', 'unitspercase', 'vpe'],
  orderingCost: ['orderingcost', 'ordercost', 'costperorder', 'coutcommande', 'coutparcommande', 'bestellkosten'],
  policy: ['policy', 'politique', 'policytype'],
  reorderPoint: ['reorderpoint', 's', 'rop', 'min', 'pointdecommande', 'meldebestand'],
  orderUpTo: ['orderupto', 'orderuptolevel', 'max', 'niveaucible', 'bigs'],
  orderQuantity: ['orderquantity', 'q', 'eoq', 'lotsize', 'quantitecommande'],
  level: ['level', 'basestock', 'basestocklevel', 'target'],
  reviewPeriod: ['reviewperiod', 'r', 'periode', 'reviewdays'],
};

/** The SKU master, by SKU (as the demand file writes it). */
export function readSkuMaster(table: Table, report: ImportReport, options: { decimal?: DecimalMark } = {}): Map<string, SkuFacts> {
  const folded = table.header.map(foldName);
  const column = (field: Field) => {
    // exact case first: `S` is order-up-to, `s` the reorder point
    if (field === 'orderUpTo' && table.header.includes('S')) return table.header.indexOf('S');
    if (field === 'reorderPoint' && table.header.includes('s')) return table.header.indexOf('s');
    return folded.findIndex((name, i) => NAMES[field].includes(name) && !(name === 's' && table.header[i] === 'S'));
  };
  const skuColumn = column('sku');
  if (skuColumn < 0) throw new ImportError(table.file, `no SKU column (columns: ${table.header.slice(0, 12).map((name) => quoted(name, 30)).join(', ')}); name one sku, article or item`);
  const columns = Object.fromEntries((Object.keys(NAMES) as Field[]).map((field) => [field, column(field)])) as Record<Field, number>;
  const found = (Object.keys(NAMES) as Field[]).filter((field) => field !== 'sku' && columns[field] >= 0);
  addLine(report, `${table.file}: SKU master, ${table.rows.length} rows; columns read: ${found.length === 0 ? 'none beside the SKU' : found.join(', ')}`, { kind: 'masterColumns', file: table.file, rows: table.rows.length, found });
  const numberColumns = found.filter((field) => field !== 'name' && field !== 'supplier' && field !== 'policy').map((field) => columns[field]);
  const detected = decimalMarkOf(
    (function* () {
      for (const row of table.rows) for (const c of numberColumns) yield row[c];
    })(),
    table.separator,
  );
  if (detected === 'ambiguous' && !options.decimal) throw new ImportError(table.file, 'the numbers are written with a decimal comma in some cells and a decimal point in others; say which: --decimal comma or --decimal point');
  const decimal = options.decimal ?? (detected === 'ambiguous' ? 'point' : detected);

  const master = new Map<string, SkuFacts>();
  table.rows.forEach((row, i) => {
    const rowNumber = table.rowNumbers[i];
    const sku = cellText(row[skuColumn]).trim();
    const note = (field: Field, reason: string, detail: RowDetail, status: 'kept' | 'rejected' = 'kept') => {
      report.notes.push({ file: table.file, row: rowNumber, column: columns[field] >= 0 ? table.header[columns[field]] : undefined, status, reason, ...(report.details ? { detail } : {}) });
      count(report, status === 'kept' ? 'remarks' : 'rejectedRows');
    };
    if (sku === '') return note('sku', 'expected a SKU, got an empty cell', { kind: 'emptyCell', expected: 'sku' }, 'rejected');
    if (master.has(sku)) return note('sku', `a second row for SKU ${quoted(sku, 30)}; the first is used`, { kind: 'secondEntry', what: 'sku', name: quoted(sku, 30) }, 'rejected');
    const facts: SkuFacts = {};
    const text = (field: Field) => (columns[field] >= 0 ? cellText(row[columns[field]]).trim() : '');
    const number = (field: Field, test: (x: number) => boolean, expected: string): number | undefined => {
      const raw = text(field);
      if (raw === '') return undefined;
      const value = readNumber(columns[field] >= 0 ? row[columns[field]] : null, decimal);
      if (value === null || !test(value)) {
        note(field, `expected ${expected}, got ${quoted(raw, 20)}; not used`, { kind: 'badMasterValue', field, got: quoted(raw, 20) });
        return undefined;
      }
      return value;
    };
    const name = text('name');
    if (name !== '') facts.name = name;
    facts.unitCost = number('unitCost', (x) => x >= 0, 'a unit cost >= 0');
    facts.price = number('price', (x) => x > 0, 'a price > 0');
    const rate = text('holdingRate');
    if (rate.endsWith('%')) {
      const value = readNumber(rate.slice(0, -1), decimal);
      if (value !== null && value >= 0 && value <= 100) facts.holdingRate = value / 100;
      else note('holdingRate', `expected a yearly rate (25% or 0.25), got ${quoted(rate, 20)}; not used`, { kind: 'badMasterValue', field: 'holdingRate', got: quoted(rate, 20) });
    } else facts.holdingRate = number('holdingRate', (x) => x >= 0 && x <= 1, 'a yearly rate as a fraction of the unit cost (0.25) or a percentage (25%)');
    facts.leadTime = leadTimeOf(number('leadTime', (x) => x >= 0, 'a lead time in days >= 0'), number('leadTimeSd', (x) => x >= 0, 'a lead-time sd in days >= 0'), number('leadTimeMin', (x) => x >= 0, 'a shortest lead time in days >= 0'), number('leadTimeMax', (x) => x >= 0, 'a longest lead time in days >= 0'));
    const supplier = text('supplier');
    if (supplier !== '') facts.supplier = supplier;
    facts.minOrderQuantity = number('minOrderQuantity', (x) => x >= 0, 'a minimum order >= 0');
    facts.casePack = number('casePack', (x) => x > 0, 'a case pack > 0');
    facts.orderingCost = number('orderingCost', (x) => x >= 0, 'an ordering cost >= 0');
    const policy = text('policy');
    if (policy !== '') {
      const parsed = policyOf(policy, (field) => number(field, (x) => x >= 0, `a ${field} >= 0`));
      if ('reason' in parsed) note('policy', `${parsed.reason}; the textbook rule is used instead`, { kind: 'badPolicy', policy: quoted(policy, 20), problem: parsed.problem });
      else facts.policy = parsed;
    }
    for (const key of Object.keys(facts) as (keyof SkuFacts)[]) if (facts[key] === undefined) delete facts[key];
    master.set(sku, facts);
  });
  return master;
}

/** A lead time from a mean and sd (normal; constant without sd) or a range (uniform), whichever the master gives. */
function leadTimeOf(mean: number | undefined, sd: number | undefined, min: number | undefined, max: number | undefined): Distribution | undefined {
  if (min !== undefined && max !== undefined && max > min) return { type: 'uniform', min, max };
  if (min !== undefined && max !== undefined && max === min) return { type: 'constant', value: min };
  if (mean === undefined) return undefined;
  return sd !== undefined && sd > 0 ? { type: 'normal', mean, sd } : { type: 'constant', value: mean };
}

/** A policy from its name and parameter columns, or why not. */
function policyOf(name: string, parameter: (field: Field) => number | undefined): Policy | { reason: string; problem: PolicyProblem } {
  const not = (reason: string, problem: PolicyProblem) => ({ reason, problem });
  const kind = foldName(name);
  const need = (field: Field) => {
    const value = parameter(field);
    if (value === undefined) throw not(`policy ${quoted(name, 20)} needs a ${field} column with a value`, { kind: 'needs', field });
    return value;
  };
  try {
    if (kind === 'ss' || kind === 'minmax') {
      const reorderPoint = need('reorderPoint');
      const orderUpTo = need('orderUpTo');
      if (!(orderUpTo > reorderPoint)) return not(`policy ${quoted(name, 20)}: expected orderUpTo > reorderPoint, got ${reorderPoint} and ${orderUpTo}`, { kind: 'orderUpToBelow', reorderPoint, orderUpTo });
      return { type: 'sS', reorderPoint, orderUpTo };
    }
    if (kind === 'rq') {
      const orderQuantity = need('orderQuantity');
      if (!(orderQuantity > 0)) return not(`policy ${quoted(name, 20)}: expected an orderQuantity > 0`, { kind: 'notPositive', field: 'orderQuantity' });
      return { type: 'rQ', reorderPoint: need('reorderPoint'), orderQuantity };
    }
    if (kind === 'basestock') return { type: 'baseStock', level: need('level') };
    if (kind === 'rs' || kind === 'periodicrs') {
      const reviewPeriod = need('reviewPeriod');
      if (!(reviewPeriod > 0)) return not(`policy ${quoted(name, 20)}: expected a reviewPeriod > 0`, { kind: 'notPositive', field: 'reviewPeriod' });
      return { type: 'periodicRS', reviewPeriod, orderUpTo: need('orderUpTo'), firstReview: 0 };
    }
  } catch (error) {
    return error as ReturnType<typeof not>;
  }
  return not(`expected a policy sS (or min-max), rQ, baseStock or RS, got ${quoted(name, 20)}`, { kind: 'unknown' });
}
