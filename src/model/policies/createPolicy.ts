import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import { AnchorAndAdjustRule } from './anchorAndAdjust.ts';
import { BaseStockRule } from './baseStock.ts';
import { EchelonBaseStockRule } from './echelonBaseStock.ts';
import { FixedQuantityRule } from './fixedQuantity.ts';
import { ForecastRule } from './forecast.ts';
import { PassThroughRule } from './passThrough.ts';
import { PeriodicRsRule } from './periodicRS.ts';
import { PeriodicRsSRule } from './periodicRsS.ts';
import type { Policy, PolicyContext } from './policy.ts';
import { RqRule } from './rQ.ts';
import { ScheduleRule } from './schedule.ts';
import { ServiceTargetRule } from './serviceTarget.ts';
import { SsRule } from './sS.ts';

/**
 * The policy a validated spec describes, for a stock point facing `context`. Policies that compute
 * their parameters (serviceTarget, forecast) or take their level from the initial stock (passThrough)
 * read the context; the others ignore it.
 *
 * Throws when a spec cannot be realised in this context (a serviceTarget without orderQuantity and
 * with no ordering or holding cost to compute an EOQ from).
 */
export function createPolicy(spec: PolicySpec, context: PolicyContext): Policy {
  switch (spec.type) {
    case 'sS':
      return new SsRule(spec);
    case 'rQ':
      return new RqRule(spec);
    case 'baseStock':
      return new BaseStockRule(spec);
    case 'echelonBaseStock':
      return new EchelonBaseStockRule(spec);
    case 'periodicRS':
      return new PeriodicRsRule(spec);
    case 'periodicRsS':
      return new PeriodicRsSRule(spec);
    case 'serviceTarget':
      return new ServiceTargetRule(spec, context);
    case 'forecast':
      return new ForecastRule(spec, context);
    case 'fixedQuantity':
      return new FixedQuantityRule(spec);
    case 'schedule':
      return new ScheduleRule(spec);
    case 'passThrough':
      return new PassThroughRule(spec, context);
    case 'anchorAndAdjust':
      return new AnchorAndAdjustRule(spec, context);
    default: {
      // a new policy type in the schema fails to compile here until it is handled
      const unhandled: never = spec;
      throw new Error(`unknown policy type ${JSON.stringify((unhandled as { type: unknown }).type)}`);
    }
  }
}
