import { csvFile, ENGLISH_CSV, type CsvDialect } from '../experiment/csv.ts';
import type { Policy } from '../scenario/schema.ts';
import type { SeriesSummary } from './buildScenario.ts';

/**
 * Each SKU's import decisions as a table: its history (days used, mean, sd, demand class) beside the
 * fitted model's mean and sd, the model chosen for it and why, and its policy with where the policy came from. Text for the terminal, CSV
 * for a spreadsheet (`stocklab import --fits FILE`).
 */
const HEAD = ['sku', 'location', 'days', 'mean', 'sd', 'fit mean', 'fit sd', 'ADI', 'CV²', 'class', 'model', 'policy', 'why'];

export function fitsText(all: readonly SeriesSummary[], most = 50): string {
  const summaries = all.slice(0, most);
  const rows = summaries.map((s) => [s.sku, s.location, String(s.daysUsed), fixed(s.mean), fixed(s.sd), s.fitMean === null ? '-' : fixed(s.fitMean), s.fitSd === null ? '-' : fixed(s.fitSd), Number.isFinite(s.adi) ? s.adi.toFixed(2) : '-', s.cv2.toFixed(2), s.demandClass ?? '-', s.model, policyText(s.policy, s.policySource), s.reason]);
  const widths = HEAD.map((_, c) => Math.max(HEAD[c].length, ...rows.map((row) => (c === HEAD.length - 1 ? 0 : row[c].length))));
  const line = (row: string[]) => row.map((cell, c) => (c === row.length - 1 ? cell : c < 2 || c >= 9 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const more = all.length > most ? [`… and ${all.length - most} more (--fits FILE writes them all as CSV)`] : [];
  return ['per SKU and location:', line(HEAD), ...rows.map(line), ...more].join('\n') + '\n';
}

export function fitsCsv(summaries: readonly SeriesSummary[], dialect: CsvDialect = ENGLISH_CSV): string {
  const head = ['sku', 'location', 'productId', 'nodeId', 'daysUsed', 'mean', 'sd', 'fitMean', 'fitSd', 'fitted', 'adi', 'cv2', 'demandClass', 'model', 'reason', 'policy', 'policySource'];
  const rows = summaries.map((s) => [
    s.sku,
    s.location,
    s.productId,
    s.nodeId,
    s.daysUsed,
    s.mean,
    s.sd,
    s.fitMean,
    s.fitSd,
    s.fitted ? JSON.stringify(s.fitted) : '',
    s.adi,
    s.cv2,
    s.demandClass ?? '',
    s.model,
    s.reason,
    s.policy ? JSON.stringify(s.policy) : '',
    s.policySource ?? '',
  ]);
  return csvFile(head, rows, dialect);
}

function policyText(policy: Policy | null, source: SeriesSummary['policySource']): string {
  if (!policy) return '-';
  const text = policy.type === 'sS' ? `(s, S) ${policy.reorderPoint}/${policy.orderUpTo}` : policy.type === 'rQ' ? `(r, Q) ${policy.reorderPoint}/${policy.orderQuantity}` : policy.type === 'baseStock' ? `base stock ${policy.level}` : policy.type;
  return `${text}${source === 'textbook' ? ' (rule)' : ''}`;
}

function fixed(x: number): string {
  return x.toLocaleString('en', { maximumFractionDigits: x >= 100 ? 0 : 2 });
}
