/**
 * The economic order quantity: constant, known demand, a fixed cost per order, a holding cost per unit
 * per year, instant replenishment (Harris 1913; Hadley & Whitin, *Analysis of Inventory Systems*,
 * 1963, ch. 2; Nahmias, *Production and Operations Analysis*, 6th ed., 2009, ch. 4; Zipkin,
 * *Foundations of Inventory Management*, 2000, ch. 3). Times are in years; days at 365 a year.
 */

const DAYS_PER_YEAR = 365;

export interface EoqInput {
  demandPerYear: number;
  orderingCost: number;
  holdingCostPerUnitPerYear: number;
  /** the lot size to evaluate; the optimal one if omitted */
  quantity?: number;
}

export interface EoqResult {
  quantity: number;
  cycleLengthYears: number;
  cycleLengthDays: number;
  ordersPerYear: number;
  /** Q / 2: the stock falls linearly from Q to 0 over each cycle */
  averageInventory: number;
  orderingCostPerYear: number;
  holdingCostPerYear: number;
  /** ordering + holding */
  costPerYear: number;
}

/** Q* = sqrt(2 K D / h), where ordering and holding cost per year are equal. */
export function eoq(input: EoqInput): EoqResult {
  const { demandPerYear: demand, orderingCost, holdingCostPerUnitPerYear: holding } = checkedBasics('eoq', input);
  const quantity = checkedQuantity('eoq', input.quantity ?? Math.sqrt((2 * orderingCost * demand) / holding));
  const orderingCostPerYear = (orderingCost * demand) / quantity;
  const holdingCostPerYear = (holding * quantity) / 2;
  return {
    quantity,
    ...cycle(quantity, demand),
    averageInventory: quantity / 2,
    orderingCostPerYear,
    holdingCostPerYear,
    costPerYear: orderingCostPerYear + holdingCostPerYear,
  };
}

export interface EoqWithPlannedBackordersResult extends EoqResult {
  /** the backlog just before a lot arrives: B = Q h / (h + b) */
  maxBackorders: number;
  /** Q - B, the stock just after a lot arrives */
  maxInventory: number;
  /** (Q - B)² / (2 Q) */
  averageInventory: number;
  /** B² / (2 Q) */
  averageBackorders: number;
  backorderCostPerYear: number;
  /** h / (h + b) = B / Q: the fraction of demand that waits */
  fractionBackordered: number;
}

/**
 * EOQ with planned backorders, all demand met late at a cost b per unit per year of waiting
 * (Hadley & Whitin 1963, ch. 2; Zipkin 2000, ch. 3; Snyder & Shen, *Fundamentals of Supply Chain
 * Theory*, 2nd ed., 2019, ch. 3): Q* = sqrt(2 K D / h) sqrt((h + b) / b),
 * cost per year sqrt(2 K D h b / (h + b)). For a given Q the backlog is set to its best value for that Q,
 * B = Q h / (h + b), so the neighbours of Q* can be compared on equal terms.
 */
export function eoqWithPlannedBackorders(
  input: EoqInput & { backorderCostPerUnitPerYear: number },
): EoqWithPlannedBackordersResult {
  const fn = 'eoqWithPlannedBackorders';
  const { demandPerYear: demand, orderingCost, holdingCostPerUnitPerYear: holding } = checkedBasics(fn, input);
  const backorder = input.backorderCostPerUnitPerYear;
  if (!(backorder > 0 && backorder < Infinity)) {
    throw new RangeError(`${fn}: backorderCostPerUnitPerYear must be a finite number > 0, got ${backorder}`);
  }
  const quantity = checkedQuantity(
    fn,
    input.quantity ?? Math.sqrt((2 * orderingCost * demand * (holding + backorder)) / (holding * backorder)),
  );
  const fractionBackordered = holding / (holding + backorder);
  const maxBackorders = quantity * fractionBackordered;
  const maxInventory = quantity - maxBackorders;
  // stock is positive for a fraction (Q - B)/Q of each cycle, at (Q - B)/2 on average; likewise the backlog
  const averageInventory = (maxInventory * maxInventory) / (2 * quantity);
  const averageBackorders = (maxBackorders * maxBackorders) / (2 * quantity);
  const orderingCostPerYear = (orderingCost * demand) / quantity;
  const holdingCostPerYear = holding * averageInventory;
  const backorderCostPerYear = backorder * averageBackorders;
  return {
    quantity,
    ...cycle(quantity, demand),
    maxBackorders,
    maxInventory,
    averageInventory,
    averageBackorders,
    orderingCostPerYear,
    holdingCostPerYear,
    backorderCostPerYear,
    costPerYear: orderingCostPerYear + holdingCostPerYear + backorderCostPerYear,
    fractionBackordered,
  };
}

function cycle(quantity: number, demand: number) {
  const cycleLengthYears = quantity / demand;
  return { cycleLengthYears, cycleLengthDays: cycleLengthYears * DAYS_PER_YEAR, ordersPerYear: demand / quantity };
}

function checkedBasics(fn: string, input: EoqInput): EoqInput {
  for (const name of ['demandPerYear', 'orderingCost', 'holdingCostPerUnitPerYear'] as const) {
    const value = input[name];
    if (!(value > 0 && value < Infinity)) throw new RangeError(`${fn}: ${name} must be a finite number > 0, got ${value}`);
  }
  return input;
}

function checkedQuantity(fn: string, quantity: number): number {
  if (!(quantity > 0 && quantity < Infinity)) throw new RangeError(`${fn}: quantity must be a finite number > 0, got ${quantity}`);
  return quantity;
}
