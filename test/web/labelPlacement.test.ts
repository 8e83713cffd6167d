import { describe, expect, it } from 'vitest';
import { lineBox, overlaps, placeLabels, type Box, type LabelRequest } from '../../web/charts/labelPlacement.ts';

const bounds: Box = { x: 0, y: 0, width: 800, height: 500 };

/** Three points within each other's whiskers, as in the outage case's frontier (10-outage-communication). */
function cluster(): { requests: LabelRequest[]; obstacles: Box[] } {
  const points = [
    { x: 400, y: 250, name: 'Silent' },
    { x: 404, y: 256, name: 'Proactive, if it helps half as much' },
    { x: 396, y: 262, name: 'Proactive, 5 EUR voucher' },
  ];
  const obstacles: Box[] = [];
  const requests = points.map((p) => {
    obstacles.push(lineBox(p.x - 60, p.y, p.x + 60, p.y, 13), lineBox(p.x, p.y - 80, p.x, p.y + 80, 13), { x: p.x - 9, y: p.y - 9, width: 18, height: 18 });
    return { x: p.x, y: p.y, width: p.name.length * 7.5, height: 16, extent: { left: p.x - 60, right: p.x + 60, top: p.y - 80, bottom: p.y + 80 } };
  });
  return { requests, obstacles };
}

describe('point names placed clear of each other, whiskers and markers', () => {
  it('in a tight cluster no name covers another name, a whisker or a marker, and each stays in the plot', () => {
    const { requests, obstacles } = cluster();
    const placed = placeLabels(requests, obstacles, bounds);
    const boxes = placed.filter((p) => p !== null).map((p) => p!.box);
    expect(boxes.length).toBe(3);
    for (const box of boxes) {
      for (const obstacle of obstacles) expect(overlaps(box, obstacle)).toBe(false);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(800);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
  });

  it('a lone point keeps its name right beside it, with no leader line', () => {
    const placed = placeLabels([{ x: 100, y: 100, width: 40, height: 16, extent: { left: 92, right: 108, top: 92, bottom: 108 } }], [], bounds);
    expect(placed[0]).toEqual({ box: { x: 110, y: 76, width: 40, height: 16 }, leader: false });
  });

  it('a name pushed away from its point, every near spot taken, carries a leader line', () => {
    const request = { x: 100, y: 100, width: 40, height: 16, extent: { left: 92, right: 108, top: 92, bottom: 108 } };
    // a band 60 px high across the plot around the point: the first free spots are the rows above and below
    const band: Box = { x: 0, y: 70, width: 800, height: 60 };
    const [placed] = placeLabels([request], [band], bounds);
    expect(placed?.leader).toBe(true);
    expect(overlaps(placed!.box, band)).toBe(false);
  });

  it('leaves a name out rather than covering something, when no spot is free', () => {
    const wall: Box = { x: 0, y: 0, width: 800, height: 500 };
    expect(placeLabels([{ x: 100, y: 100, width: 40, height: 16, extent: { left: 92, right: 108, top: 92, bottom: 108 } }], [wall], bounds)).toEqual([null]);
  });
});
