import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import { drawWindows, type TimeWindow } from '../occurrences.ts';
import type { BuildContext } from './buildContext.ts';
import type { OnlineFulfilment } from './onlineFulfilment.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { GatesAndStages, Shipping } from './shipping.ts';

/** A disruption window and what it does while in force. */
export type DisruptionEffect =
  | { type: 'outage'; gate: number }
  | { type: 'leadTime'; lanes: number[]; multiplier: number }
  | { type: 'capacity'; gate: number; share: number }
  | { type: 'delivery'; zone: number; multiplier: number };

export interface DisruptionWindow extends TimeWindow {
  name: string;
  effect: DisruptionEffect;
}

/**
 * Disruptions, drawn once per replication: supplier outages and capacity losses (at shipping gates),
 * longer lead times on lanes, delivery delays in online zones. Each window starts and ends as an event.
 */
export class Disruptions {
  private readonly env: Environment;
  private readonly horizon: number;
  private shipping!: Shipping;
  private online!: OnlineFulfilment;

  constructor(
    tables: ModelTables,
    readonly disruptions: DisruptionWindow[],
  ) {
    this.env = tables.env;
    this.horizon = tables.horizon;
  }

  connect(processes: Processes): void {
    this.shipping = processes.shipping;
    this.online = processes.online;
  }

  /** Each window's start within the run. */
  start(): void {
    this.disruptions.forEach((window, index) => {
      if (window.start < this.horizon) this.env.schedule(window.start, EventKind.disruptionStart, index, 0, Priority.normal);
    });
  }

  onDisruption(index: number, starting: boolean): void {
    const window = this.disruptions[index];
    const effect = window.effect;
    const gates = this.shipping.gates;
    switch (effect.type) {
      case 'outage':
        gates[effect.gate].outages += starting ? 1 : -1;
        break;
      case 'capacity':
        gates[effect.gate].applyCapacityShare(effect.share, starting);
        break;
      case 'delivery':
        this.online.delay(effect.zone, effect.multiplier, starting);
        break;
      case 'leadTime':
        for (const lane of effect.lanes) {
          if (starting) this.shipping.lanes[lane].leadTimeMultiplier *= effect.multiplier;
          else this.shipping.lanes[lane].leadTimeMultiplier /= effect.multiplier;
        }
        break;
    }
    if (starting) {
      if (window.end <= this.horizon) this.env.schedule(window.end, EventKind.disruptionEnd, index, 0, Priority.normal);
    } else if (effect.type === 'outage' || effect.type === 'capacity') {
      this.shipping.resume(gates[effect.gate]);
    }
  }
}

/** The disruption windows, drawn once per replication (the same for every variant). */
export function buildDisruptions(context: BuildContext, network: GatesAndStages, laneIndex: ReadonlyMap<string, number>): DisruptionWindow[] {
  const { scenario, horizon, streams, zoneIndex } = context;
  const gates = network.gates;
  const gateFor = (nodeId: string) => network.gateFor(nodeId);
  const disruptions: DisruptionWindow[] = [];
  scenario.disruptions.forEach((disruption, i) => {
    const name = disruption.name ?? `${disruption.type}#${i}`;
    const windows = drawWindows(disruption.occurrence, horizon, streams.stream(`disruption:${name}`));
    // a node that may be stopped has its gate whether or not a window was drawn, so the run's list of
    // gates is the scenario's and not the draw's (a part run alone lists the same, src/experiment/parts.ts)
    if (disruption.type === 'supplierOutage' || disruption.type === 'capacityLoss') gateFor(disruption.node);
    for (const window of windows) {
      if (disruption.type === 'supplierOutage') {
        disruptions.push({ ...window, name, effect: { type: 'outage', gate: gateFor(disruption.node) } });
        gates[gateFor(disruption.node)].addOutage(window.start, window.end);
      } else if (disruption.type === 'capacityLoss') {
        disruptions.push({ ...window, name, effect: { type: 'capacity', gate: gateFor(disruption.node), share: 1 - disruption.fraction } });
        // nothing ships: what finishes processing meanwhile is held, as in an outage
        if (disruption.fraction === 1) gates[gateFor(disruption.node)].addOutage(window.start, window.end);
      } else if (disruption.type === 'deliveryDelay') {
        disruptions.push({ ...window, name, effect: { type: 'delivery', zone: zoneIndex.get(disruption.zone)!, multiplier: disruption.multiplier } });
      } else {
        disruptions.push({ ...window, name, effect: { type: 'leadTime', lanes: disruption.lanes.map((id) => laneIndex.get(id)!), multiplier: disruption.multiplier } });
      }
    }
  });
  return disruptions;
}
