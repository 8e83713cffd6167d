/**
 * What the documentation tests read in a Markdown file: its lines outside code fences, its headings
 * and their anchors as GitHub makes them, its links, and its tables.
 */

/** The file's lines, with those inside ``` fences (the fence lines included) replaced by empty lines, so line numbers stay. */
export function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

/**
 * GitHub's anchor of a heading: its text without Markdown (a link keeps its text, code its content),
 * lowercased, every character but letters, digits, spaces, `-` and `_` dropped, each space a `-`.
 */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export interface Heading {
  level: number;
  text: string;
  line: number;
}

export function headings(text: string): Heading[] {
  const found: Heading[] = [];
  proseLines(text).forEach((line, index) => {
    const match = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (match) found.push({ level: match[1].length, text: match[2], line: index + 1 });
  });
  return found;
}

/** Every anchor a link may name in the file: its headings' (a repeated one gets -1, -2, ...) and any `<a id|name="...">`. */
export function anchors(text: string): Set<string> {
  const result = new Set<string>();
  const seen = new Map<string, number>();
  for (const heading of headings(text)) {
    const base = slug(heading.text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const match of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) result.add(match[1]);
  return result;
}

export interface Link {
  target: string;
  line: number;
}

/** The inline links and images of the file, outside code fences and code spans: `[text](target)`, `![alt](target "title")`. */
export function links(text: string): Link[] {
  // code spans become placeholders of the same length, so offsets (and line numbers) are kept
  const prose = proseLines(text)
    .join('\n')
    .replace(/`[^`\n]*`/g, (span) => 'c'.repeat(span.length));
  const found: Link[] = [];
  for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    found.push({ target: match[1], line: prose.slice(0, match.index).split('\n').length });
  }
  return found;
}

/** A table's rows (header and separator left out), each a list of trimmed cells; `|` inside a code span does not split. */
export function tableRows(lines: string[]): string[][] {
  return lines.slice(2).map((row) => {
    const cells: string[] = [];
    let cell = '';
    let code = false;
    for (const char of row.trim().replace(/^\|/, '').replace(/\|$/, '')) {
      if (char === '`') code = !code;
      if (char === '|' && !code && !cell.endsWith('\\')) {
        cells.push(cell.trim());
        cell = '';
      } else cell += char;
    }
    cells.push(cell.trim());
    return cells;
  });
}
