/**
 * Short, stable links to a gallery scenario, for a lesson handed out in class: `?open=classroom/newsvendor`
 * opens scenarios/classroom/newsvendor.json from the gallery bundled with the app (any gallery file:
 * `?open=theory/eoq`, `?open=04-coffee-brand`). The name is looked up among the bundled files only:
 * nothing is fetched and nothing else is read; a name the gallery does not have is reported, never
 * guessed. It sits in the query, beside `?lang=fr`, so a shared link's fragment (`#s=…`) keeps its
 * meaning and wins when both are there.
 */

/** the query parameter that names a gallery file */
export const OPEN_PARAMETER = 'open';

/** At most this many characters of an unknown name are repeated in the notice. */
const SHOWN_NAME = 80;

/** A gallery path's short name: 'scenarios/classroom/newsvendor.json' -> 'classroom/newsvendor'. */
export function shortName(path: string): string {
  return path.replace(/^scenarios\//, '').replace(/\.json$/, '');
}

export type OpenRequest = { path: string } | { unknown: string };

/**
 * What the address's query asks to open: a gallery path, a name the gallery does not have, or null
 * (no `open` parameter). `paths` are the gallery's ('scenarios/classroom/newsvendor.json'); the name
 * may carry the folder scenarios/ and the extension .json, as a file path would.
 */
export function openRequest(search: string, paths: readonly string[]): OpenRequest | null {
  const value = new URLSearchParams(search).get(OPEN_PARAMETER);
  if (value === null) return null;
  const name = shortName(value.trim().replace(/^\.?\//, ''));
  const path = paths.find((candidate) => shortName(candidate) === name);
  return path === undefined ? { unknown: value.slice(0, SHOWN_NAME) } : { path };
}

/**
 * The link that opens a gallery file: the page's address with `?open=` its short name, keeping the
 * page's `lang` (a lesson handed out in French opens in French), without anything else (no fragment:
 * a shared link's scenario would win over the lesson).
 */
export function lessonLink(path: string, href: string): string {
  const address = new URL(href);
  const lang = address.searchParams.get('lang');
  const link = new URL(address.pathname, address.origin);
  if (lang !== null) link.searchParams.set('lang', lang);
  link.searchParams.set(OPEN_PARAMETER, shortName(path));
  // the slash of classroom/newsvendor reads better as written, and is valid in a query
  return link.href.replace(/%2F/g, '/');
}
