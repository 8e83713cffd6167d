/**
 * Which label of the dictionary of names (web/i18n/<language>/names.ts `fieldLabels`) each field of the
 * editor's forms shows, the same in every language: the forms' keys are theirs (`churnOnStockout`),
 * the dictionary's are the scenario's paths (`churn.onStockout`).
 */
const FORM_FIELDS = {
  name: 'name',
  headline: 'headline',
  description: 'description',
  horizonDays: 'horizonDays',
  warmupDays: 'warmupDays',
  bullwhipPeriodDays: 'bullwhipPeriodDays',
  replications: 'replications',
  seed: 'seed',
  currency: 'currency',
  id: 'id',
  unitCost: 'unitCost',
  price: 'price',
  holdingCost: 'holdingCost',
  unmetDemand: 'unmetDemand',
  stockoutPenalty: 'stockoutPenalty',
  backorderCostPerDay: 'backorderCostPerDay',
  orderingCost: 'orderingCost',
  capacityPerDay: 'capacityPerDay',
  processingTime: 'processingTime',
  servers: 'servers',
  from: 'from',
  to: 'to',
  leadTime: 'leadTime',
  costPerUnit: 'costPerUnit',
  costPerShipment: 'costPerShipment',
  orderDelayDays: 'orderDelayDays',
  policy: 'policy',
  initialOnHand: 'initialOnHand',
  customersPerDay: 'customersPerDay',
  segment: 'segment',
  ordersPerDay: 'ordersPerDay',
  orderHistory: 'history',
  orderSize: 'size',
  deliveryLeadTime: 'delivery.leadTime',
  deliveryCostPerOrder: 'delivery.costPerOrder',
  customerDeliveryCostPerUnit: 'delivery.costPerUnit',
  dueDays: 'delivery.dueDays',
  initialCustomers: 'initial',
  churnOnStockout: 'churn.onStockout',
  churnOnBackorder: 'churn.onBackorder',
  churnOnLate: 'churn.onLate',
  churnOnAbandon: 'churn.onAbandon',
  newPerDay: 'newPerDay',
  lifetimeValue: 'lifetimeValue',
  issuing: 'issuing',
  orderRounding: 'orderRounding',
  reviewTiming: 'reviewTiming',
  backlogCostPerDay: 'backlogCostPerDay',
  untilDay: 'scriptedOrders.untilDay',
  scriptedQuantity: 'scriptedOrders.quantity',
  shrinkagePerDay: 'visibility.shrinkagePerDay',
  countEveryDays: 'visibility.countEveryDays',
  countDelayDays: 'visibility.countDelayDays',
  realTime: 'visibility.realTime',
  zone: 'zone',
  rule: 'rule',
  promiseBufferDays: 'promiseBufferDays',
  promiseWindowDays: 'promiseWindowDays',
  tolerance: 'tolerance',
  pickPackDays: 'pickPackDays',
  transitDays: 'transitDays',
  supplier: 'supplier',
  receivedFrom: 'receivedFrom',
  receivedTo: 'receivedTo',
  announcedOn: 'announcedOn',
  occurrence: 'occurrence',
  fromDay: 'fromDay',
  toDay: 'toDay',
  ratePerYear: 'ratePerYear',
  duration: 'duration',
  weekly: 'seasonality.weekly',
  yearly: 'seasonality.yearly',
  trendPerYear: 'trendPerYear',
  demandMultiplier: 'multiplier',
} as const;

export type DictionaryField = keyof typeof FORM_FIELDS;

/** The forms' field labels a language's dictionary gives. */
export function formFieldLabels(fieldLabels: Readonly<Record<string, string>>): { [K in DictionaryField]: string } {
  const labels = {} as { [K in DictionaryField]: string };
  for (const [field, key] of Object.entries(FORM_FIELDS) as Array<[DictionaryField, string]>) {
    const label = fieldLabels[key];
    if (label === undefined) throw new Error(`names.ts has no label for ${key} (the form field ${field})`);
    labels[field] = label;
  }
  return labels;
}
