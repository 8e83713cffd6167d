import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { TimeWindow } from '../occurrences.ts';
import type { OnlineFulfilment } from '../onlineFulfilment.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { Shipping } from './shipping.ts';

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
