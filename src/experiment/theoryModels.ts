import type { TheoryModel } from '../scenario/schema.ts';
import type { TheoryModelDefinition } from './theory.ts';
import {
  baseStockPoissonModel,
  eoqModel,
  eoqPlannedBackordersModel,
  lostSalesErlangModel,
  lostSalesZeroLeadTimeModel,
  newsvendorModel,
  perishableOrderUpToModel,
  periodicReviewNormalModel,
  rqPoissonModel,
} from './theorySingleLocation.ts';
import { bullwhipModel, makeToStockMM1Model, periodicSSModel, queueMMcModel, serialBaseStockModel } from './theoryNetwork.ts';

/** Every model a scenario can name, by name. */
export const theoryModels: Record<TheoryModel, TheoryModelDefinition> = {
  newsvendor: newsvendorModel,
  eoq: eoqModel,
  eoqPlannedBackorders: eoqPlannedBackordersModel,
  baseStockPoisson: baseStockPoissonModel,
  rqPoisson: rqPoissonModel,
  periodicReviewNormal: periodicReviewNormalModel,
  lostSalesZeroLeadTime: lostSalesZeroLeadTimeModel,
  lostSalesErlang: lostSalesErlangModel,
  perishableOrderUpTo: perishableOrderUpToModel,
  periodicSS: periodicSSModel,
  bullwhip: bullwhipModel,
  queueMMc: queueMMcModel,
  makeToStockMM1: makeToStockMM1Model,
  serialBaseStock: serialBaseStockModel,
};
