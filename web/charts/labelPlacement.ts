/**
 * Where to write the names of a chart's points so that no name covers another, a whisker or a marker:
 * for each point in turn, the first free spot among candidates at growing distance (beside the
 * point's marker, then past the ends of its whiskers, then further out above and below, each with a
 * leader line from the name to its point), or none when every spot is taken: the legend names every
 * point by colour and marker, so a name left out loses nothing. Pure (sizes measured by the caller),
 * so it is tested in Node.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  /** the point, in the plot's pixels */
  x: number;
  y: number;
  /** the name's size as drawn */
  width: number;
  height: number;
  /** the ends of the point's whiskers (its own box: names go outside it); the point itself when it has none */
  extent: { left: number; right: number; top: number; bottom: number };
}

export interface PlacedLabel {
  /** the name's box (x, y: its top-left corner) */
  box: Box;
  /** draw a line from the name to the point: the name sits away from it */
  leader: boolean;
}

/** clear of a whisker's caps (6 px each side) and its stroke */
const GAP = 8;

export function placeLabels(requests: ReadonlyArray<LabelRequest>, obstacles: ReadonlyArray<Box>, bounds: Box): Array<PlacedLabel | null> {
  const taken: Box[] = [...obstacles];
  return requests.map((request) => {
    for (const candidate of candidates(request)) {
      if (!inside(candidate.box, bounds)) continue;
      if (taken.some((box) => overlaps(box, candidate.box))) continue;
      taken.push(candidate.box);
      return candidate;
    }
    return null;
  });
}

/** Spots for a name, nearest first: beside the marker, past the whiskers' ends, then further out. */
function* candidates(request: LabelRequest): Generator<PlacedLabel> {
  const { x, y, width, height, extent } = request;
  const middle = y - height / 2;
  const near = 10;
  yield { box: { x: x + near, y: y - height - GAP, width, height }, leader: false };
  yield { box: { x: x - near - width, y: y - height - GAP, width, height }, leader: false };
  yield { box: { x: extent.right + GAP, y: middle, width, height }, leader: false };
  yield { box: { x: extent.left - GAP - width, y: middle, width, height }, leader: false };
  yield { box: { x: x - width / 2, y: extent.top - GAP - height, width, height }, leader: false };
  yield { box: { x: x - width / 2, y: extent.bottom + GAP, width, height }, leader: false };
  // further out, in rows above and below, on either side: the name then needs its leader line
  for (let step = 1; step <= 8; step++) {
    const dy = step * (height + GAP);
    for (const top of [middle - dy, middle + dy]) {
      yield { box: { x: extent.right + GAP, y: top, width, height }, leader: true };
      yield { box: { x: extent.left - GAP - width, y: top, width, height }, leader: true };
    }
  }
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(box: Box, bounds: Box): boolean {
  return box.x >= bounds.x && box.y >= bounds.y && box.x + box.width <= bounds.x + bounds.width && box.y + box.height <= bounds.y + bounds.height;
}

/** A whisker line as a box a name must not cover (a few pixels thick, with its caps). */
export function lineBox(x1: number, y1: number, x2: number, y2: number, thickness = 4): Box {
  return { x: Math.min(x1, x2) - thickness / 2, y: Math.min(y1, y2) - thickness / 2, width: Math.abs(x2 - x1) + thickness, height: Math.abs(y2 - y1) + thickness };
}
