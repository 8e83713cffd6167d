import type { Scenario } from '../../src/scenario/schema.ts';

/**
 * The network diagram of a large scenario, summarised (issue 14): past AGGREGATE_NODES nodes, or
 * past AGGREGATE_POINTS stock points at one node, a box per node and a cell per stock point are
 * unreadable, so the diagram draws boxes that stand for one node or a group of nodes, with their
 * counts of stock points and products and a summary of their fill rates, and one arrow per pair of
 * boxes for the lanes between them. Suppliers are one box; a column with more than MAX_BOXES nodes
 * groups its nodes by what supplies them ("48 stores supplied by DC North"), or, when that still
 * makes too many boxes, by type. Pure, so it is tested in Node; networkDiagram.ts draws it.
 */

type NodeType = Scenario['nodes'][number]['type'];

/** more nodes than this: the summarised view */
export const AGGREGATE_NODES = 40;
/** more stock points than this at one node: the summarised view (its cells would not fit a box) */
export const AGGREGATE_POINTS = 40;
/** boxes a column holds before its nodes are grouped */
export const MAX_BOXES = 12;

export interface PointSummary {
  node: string;
  product: string;
  /** mean fill rate over replications (null: none, e.g. no customer demand) */
  fillRate: number | null;
}

export interface NetworkBox {
  /** the node's id, or for a group "group:" and what it groups */
  id: string;
  type: NodeType;
  /** the nodes it stands for, in the scenario's order */
  members: string[];
  /** for a group, the ids of the boxes that supply its nodes (empty: grouped by type alone) */
  suppliedBy: string[];
  /** the node's name (its id without one); for a group, empty: the diagram phrases it */
  name: string;
  stockPoints: number;
  products: number;
  /** mean over its stock points of their mean fill rates, and the lowest (null: none has one) */
  meanFillRate: number | null;
  lowestFillRate: number | null;
}

export interface BoxLink {
  from: string;
  to: string;
  kind: 'lane' | 'fulfilment';
  /** lanes (or warehouse-to-zone deliveries) it stands for */
  count: number;
  /** the shortest and longest mean days among them */
  minDays: number;
  maxDays: number;
}

export interface AggregatedNetwork {
  /** the boxes in columns, left to right */
  columns: NetworkBox[][];
  links: BoxLink[];
  /** the box each node is drawn in */
  boxOf: Map<string, string>;
}

export function shouldAggregate(nodes: number, mostPointsAtANode: number): boolean {
  return nodes > AGGREGATE_NODES || mostPointsAtANode > AGGREGATE_POINTS;
}

/** A link between two nodes before grouping: a lane or a warehouse shipping a zone's orders, with its mean days. */
export interface NodeLink {
  from: string;
  to: string;
  kind: 'lane' | 'fulfilment';
  days: number;
}

/**
 * Groups the nodes of `columns` (layoutNetwork's, in its order) into boxes and their links into
 * arrows between boxes. A column's groups keep the order of their first node, so the layout's
 * ordering (nodes near what supplies them) carries over.
 */
export function aggregateNetwork(nodes: Scenario['nodes'], columns: string[][], links: readonly NodeLink[], points: readonly PointSummary[]): AggregatedNetwork {
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const pointsAt = new Map<string, PointSummary[]>();
  for (const point of points) {
    const list = pointsAt.get(point.node);
    if (list) list.push(point);
    else pointsAt.set(point.node, [point]);
  }
  const upstream = new Map<string, Set<string>>();
  for (const link of links) {
    const set = upstream.get(link.to) ?? new Set<string>();
    set.add(link.from);
    upstream.set(link.to, set);
  }

  const boxOf = new Map<string, string>();
  const boxColumns: NetworkBox[][] = [];
  const makeBox = (id: string, members: string[], suppliedBy: string[]): NetworkBox => {
    const held = members.flatMap((member) => pointsAt.get(member) ?? []);
    const rates = held.map((point) => point.fillRate).filter((rate): rate is number => rate !== null);
    const single = members.length === 1 && !id.startsWith('group:');
    const box: NetworkBox = {
      id,
      type: nodeById.get(members[0])!.type,
      members,
      suppliedBy,
      name: single ? (nodeById.get(members[0])!.name ?? members[0]) : '',
      stockPoints: held.length,
      products: new Set(held.map((point) => point.product)).size,
      meanFillRate: rates.length > 0 ? rates.reduce((sum, rate) => sum + rate, 0) / rates.length : null,
      lowestFillRate: rates.length > 0 ? rates.reduce((low, rate) => Math.min(low, rate), Infinity) : null,
    };
    for (const member of members) boxOf.set(member, id);
    return box;
  };

  columns.forEach((ids, c) => {
    const types = new Set(ids.map((id) => nodeById.get(id)!.type));
    if (c === 0 && ids.length > 1 && types.size === 1 && types.has('supplier')) {
      boxColumns.push([makeBox('group:suppliers', ids, [])]);
      return;
    }
    if (ids.length <= MAX_BOXES) {
      boxColumns.push(ids.map((id) => makeBox(id, [id], [])));
      return;
    }
    // by type and what supplies them (boxes of the columns to the left, already made)
    const feeders = (id: string) => [...new Set([...(upstream.get(id) ?? [])].map((from) => boxOf.get(from)).filter((box): box is string => box !== undefined))].sort();
    const byFeeder = groupBy(ids, (id) => `${nodeById.get(id)!.type}|${feeders(id).join('|')}`);
    const groups = byFeeder.size <= MAX_BOXES ? byFeeder : groupBy(ids, (id) => nodeById.get(id)!.type);
    const column: NetworkBox[] = [];
    for (const [key, members] of groups) {
      const suppliedBy = groups === byFeeder ? feeders(members[0]) : [];
      column.push(members.length === 1 ? makeBox(members[0], members, []) : makeBox(`group:${c}:${key}`, members, suppliedBy));
    }
    boxColumns.push(column);
  });

  const merged = new Map<string, BoxLink>();
  for (const link of links) {
    const from = boxOf.get(link.from);
    const to = boxOf.get(link.to);
    // a lane between two nodes of one group (stores restocking each other) has no arrow of its own
    if (!from || !to || from === to) continue;
    const key = `${link.kind}|${from}|${to}`;
    const entry = merged.get(key);
    if (entry) {
      entry.count++;
      entry.minDays = Math.min(entry.minDays, link.days);
      entry.maxDays = Math.max(entry.maxDays, link.days);
    } else merged.set(key, { from, to, kind: link.kind, count: 1, minDays: link.days, maxDays: link.days });
  }
  return { columns: boxColumns, links: [...merged.values()], boxOf };
}

function groupBy(ids: readonly string[], key: (id: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const k = key(id);
    const list = groups.get(k);
    if (list) list.push(id);
    else groups.set(k, [id]);
  }
  return groups;
}
