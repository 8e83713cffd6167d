import type { TheoryModel } from '../scenario/schema.ts';
import type { TheoryModelDefinition } from './theory.ts';
import {
  baseStockPoissonModel,
  eoqModel,
  eoqPlannedBackordersModel,
  lostSalesErlangModel,
  lostSalesZeroLeadTimeModel,
  newsvendorModel,
  periodicReviewNormalModel,
  rqPoissonModel,
} from './theorySingleLocation.ts';

/** Every model a scenario can name, by name. */
export const theoryModels: Partial<Record<TheoryModel, TheoryModelDefinition>> = {
  newsvendor: newsvendorModel,
  eoq: eoqModel,
  eoqPlannedBackorders: eoqPlannedBackordersModel,
  baseStockPoisson: baseStockPoissonModel,
  rqPoisson: rqPoissonModel,
  periodicReviewNormal: periodicReviewNormalModel,
  lostSalesZeroLeadTime: lostSalesZeroLeadTimeModel,
  lostSalesErlang: lostSalesErlangModel,
};
