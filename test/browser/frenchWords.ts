/**
 * What the French interface must not say: English words, as test/browser/french.test.ts and the
 * other French checks look for them on the page.
 */

/**
 * English words that a French sentence never contains as words of its own (not "a", "on", "stock",
 * "point", "total", which French shares). Matched as whole words, ignoring case.
 */
export const ENGLISH = [
  'the', 'and', 'of', 'with', 'over', 'for', 'from', 'each', 'day', 'days', 'when', 'which', 'not', 'than', 'this', 'that', 'these',
  'are', 'is', 'was', 'by', 'to', 'into', 'or', 'lower', 'lowers', 'raises', 'leaves', 'unchanged', 'compared', 'window', 'skip', 'show',
  'hide', 'download', 'chart', 'results', 'run', 'runs', 'done', 'cancel', 'cancelled', 'save', 'share', 'search', 'open', 'edit',
  'import', 'replications', 'seed', 'mean', 'difference', 'significant', 'yes', 'no', 'more', 'less', 'look', 'at', 'customers',
  'warehouse', 'store', 'shop', 'supplier', 'holding', 'cost', 'fill', 'rate', 'profit', 'revenue',
  'previous', 'next', 'slide', 'slides', 'close', 'policy', 'variant', 'variants', 'units', 'orders', 'order', 'level',
];
export const ENGLISH_WORD = new RegExp(`(?<![\\p{L}\\p{N}_'’-])(${ENGLISH.join('|')})(?![\\p{L}\\p{N}_'’-])`, 'iu');
