import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { StockPoint } from '../stockPoint.ts';
import type { Node, Scenario } from '../../scenario/schema.ts';
import { laneId } from '../../scenario/references.ts';
import { ShippingGate } from '../shippingGate.ts';
import { ProductionStage } from '../productionStage.ts';
import { CONSIGNMENT, type Consignments } from '../lots.ts';
import type { ModelTables } from './modelTables.ts';

/** A lane as the simulation uses it. */
export interface LaneState {
  id: string;
  costPerUnit: number;
  costPerShipment: number;
  /** product of the lead-time multipliers in force */
  leadTimeMultiplier: number;
}

/**
 * Shipping and capacity: an order leaves its supplier or warehouse through that node's shipping gate
 * (a daily capacity, outages: shippingGate.ts), is processed first at a supplier with a processing
 * time (or waits for a server of its production stage: productionStage.ts), then travels its lane.
 * It arrives as a receipt, or, with lots, as a consignment of the pieces it carries.
 */
export class Shipping {
  private readonly env: Environment;
  private readonly stockPoints: StockPoint[];
  /** what a gate lets through leaves now */
  readonly shipNow: (quantity: number, to: number) => void;
  /** a finished order held at a supplier with servers leaves (the outage, or the loss of all capacity, is over) */
  readonly shipHeld: (quantity: number, to: number) => void;

  constructor(
    tables: ModelTables,
    readonly gates: ShippingGate[],
    /** suppliers' production stages with a number of servers */
    readonly stages: ProductionStage[],
    readonly lanes: LaneState[],
    private readonly consignments: Consignments,
  ) {
    this.env = tables.env;
    this.stockPoints = tables.stockPoints;
    this.shipNow = (quantity, to) => this.dispatchShipment(quantity, to);
    this.shipHeld = (quantity, to) => this.ship(quantity, to, 0, 0, true);
  }

  /** `quantity` for stock point `to` goes through shipping gate `gate` (now, or when it has room). */
  send(gate: number, quantity: number, to: number): void {
    this.gates[gate].send(quantity, to, this.shipNow);
  }

  /** A new day's capacity at every gate: what waited for it leaves. */
  openDay(): void {
    for (let g = 0; g < this.gates.length; g++) {
      const gate = this.gates[g];
      gate.usedToday = 0;
      if (gate.hasWaiting) gate.release(this.shipNow);
    }
  }

  /**
   * Units leave for stock point `to` over its lane: they arrive after processing and transit. At a
   * supplier with servers, the order first waits for a server (`onProcessingDone` ships it). An
   * outage at the supplier, or a capacity loss of its whole capacity, holds an order that finishes
   * processing during it until it ends.
   */
  private dispatchShipment(quantity: number, to: number): void {
    const supply = this.stockPoints[to].supply;
    if (supply.stage >= 0) {
      // released to the supplier's servers: on its way to the point from now, waiting or in service
      // (as a supplier without servers puts its processing time in the pipeline)
      const point = this.stockPoints[to];
      point.accrue(this.env.now);
      point.pipeline += quantity;
      const server = this.stages[supply.stage].arrive(quantity, to, this.env.now);
      if (server >= 0) this.startProcessing(supply.stage, server, to);
      return;
    }
    if (supply.processing === null) return this.ship(quantity, to, 0, 0);
    const processing = supply.processing.sample();
    const ready = this.env.now + processing;
    this.ship(quantity, to, processing, this.gates[supply.supplier].leaveAfterOutages(ready) - ready);
  }

  /** `server` of production stage `stage` starts on an order for stock point `to`. */
  private startProcessing(stage: number, server: number, to: number): void {
    const processing = this.stockPoints[to].supply.processing!;
    this.env.schedule(this.env.now + processing.sample(), EventKind.processingDone, stage, server, Priority.normal);
  }

  /**
   * A server has processed its order: the order leaves (or, during an outage at the supplier or a loss
   * of its whole capacity, is held until it ends), and the server takes the next in line.
   */
  onProcessingDone(stageIndex: number, server: number): void {
    const stage = this.stages[stageIndex];
    const quantity = stage.quantityAt(server);
    const to = stage.destinationAt(server);
    if (stage.finish(server, this.env.now)) this.startProcessing(stageIndex, server, stage.destinationAt(server));
    if (this.gates[this.stockPoints[to].supply.supplier].stopped) stage.hold(quantity, to);
    else this.ship(quantity, to, 0, 0, true);
  }

  /**
   * Units leave for stock point `to` over its lane after `processing` days at a supplier without
   * servers, then `held` days held there by an outage (or a loss of all capacity), then the transit
   * time. `inPipeline`: the units are already in the point's pipeline (an order its supplier's servers
   * have processed entered it when it reached them).
   */
  private ship(quantity: number, to: number, processing: number, held: number, inPipeline = false): void {
    const now = this.env.now;
    const point = this.stockPoints[to];
    const supply = point.supply;
    const lane = this.lanes[supply.lane];
    const delay = supply.leadTime.sample() * lane.leadTimeMultiplier + processing + held;
    // a promise to an online customer counts on the shipment's expected arrival, not its actual one
    // (nor on an outage that had not started when the order left the gate)
    if (point.servesOnline) point.expectIncoming(now + supply.leadTime.mean * lane.leadTimeMultiplier + processing, quantity);
    if (!inPipeline) {
      point.accrue(now);
      point.pipeline += quantity;
    }
    point.counters.transportCost += lane.costPerShipment + lane.costPerUnit * quantity;
    if (point.inbound !== null && supply.upstream >= 0) {
      // the units the upstream point took for this one travel as they are, lots and all
      const consignment = this.consignments.open(to, CONSIGNMENT.delivery);
      point.inbound.take(quantity, 'fifo', this.consignments.list(consignment));
      this.env.schedule(now + delay, EventKind.consignmentArrival, consignment, quantity, Priority.normal);
      return;
    }
    this.env.schedule(now + delay, EventKind.receipt, to, quantity, Priority.normal);
  }

  /** An outage or a capacity loss at `gate` is over: what was held, then what waited at the gate, leaves. */
  resume(gate: ShippingGate): void {
    // what servers finished during the outage (or the loss of all capacity) leaves first, in the
    // order it finished, once nothing stops the node any more
    if (!gate.stopped) {
      for (const stage of this.stages) if (stage.node === gate.node && stage.heldUnits > 0) stage.releaseHeld(this.shipHeld);
    }
    if (gate.hasWaiting) gate.release(this.shipNow);
  }
}

// ------------------------------------------------------------------------------------------------
// builders

/** The scenario's lanes as the simulation uses them, and their indices by id and by ends (`from->to`). */
export function buildLanes(scenario: Scenario): { lanes: LaneState[]; laneIndex: Map<string, number>; laneByEnds: Map<string, number> } {
  const laneIndex = new Map<string, number>();
  const laneByEnds = new Map<string, number>();
  const lanes: LaneState[] = scenario.lanes.map((lane, i) => {
    laneIndex.set(laneId(lane), i);
    laneByEnds.set(`${lane.from}->${lane.to}`, i);
    return { id: laneId(lane), costPerUnit: lane.costPerUnit, costPerShipment: lane.costPerShipment, leadTimeMultiplier: 1 };
  });
  return { lanes, laneIndex, laneByEnds };
}

/**
 * The shipping gates (one per supplier and per node that ships to other stock points) and production
 * stages (one per supplier with servers), created as the builders first ask for them: a gate's index
 * is the order of that first request.
 */
export class GatesAndStages {
  readonly gates: ShippingGate[] = [];
  readonly stages: ProductionStage[] = [];
  private readonly gateOfNode = new Map<string, number>();

  constructor(private readonly nodeById: ReadonlyMap<string, Node>) {}

  gateFor(nodeId: string): number {
    let gate = this.gateOfNode.get(nodeId);
    if (gate === undefined) {
      const node = this.nodeById.get(nodeId)!;
      gate = this.gates.length;
      this.gates.push(new ShippingGate(nodeId, node.type === 'supplier' || node.type === 'warehouse' ? (node.capacityPerDay ?? Infinity) : Infinity));
      this.gateOfNode.set(nodeId, gate);
    }
    return gate;
  }

  stageFor(nodeId: string, servers: number): number {
    const found = this.stages.findIndex((stage) => stage.node === nodeId);
    if (found >= 0) return found;
    this.stages.push(new ProductionStage(nodeId, servers));
    return this.stages.length - 1;
  }
}
