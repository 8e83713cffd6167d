/**
 * The stock-point picker's user-facing strings in English (web/results/stockPointPicker.ts): the
 * inventory chart's combobox of stock points, its search, its grouping and what it says when the list
 * is cut short.
 */
export const picker = {
  placeholder: 'Type a location or product',
  /** the button that opens the whole list */
  showAll: 'Show the stock points',
  groupBy: 'Group by',
  groupByLocation: 'Location',
  groupByProduct: 'Product',
  /** the live count of an open list */
  matches: (matched: string, total: string) => `${matched} of ${total} stock points match`,
  all: (total: string) => `${total} stock points`,
  more: (count: string) => `and ${count} more — refine the search`,
  none: 'No stock point matches: try part of a location’s or product’s id or name.',
  /** an option's full text, on hover: names then ids */
  full: (name: string, ids: string) => (name === ids ? name : `${name} (${ids})`),
  help: 'Type to search; ↑ ↓ to move, Enter to choose, Escape to close.',
};

export type PickerText = typeof picker;
