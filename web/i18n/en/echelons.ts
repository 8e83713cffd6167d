/** The orders-versus-demand-by-echelon chart's strings in English (web/charts/echelonChart.ts). */
export const echelons = {
  title: 'Orders against demand, echelon by echelon',
  help:
    'Each echelon\u2019s orders (solid) and the demand it faced (dashed): customers\u2019 demand at the stores, the orders of the echelon below further up. ' +
    'An echelon\u2019s orders are the demand of the echelon above, so those two lines meet. Orders that swing more than demand, more so further up, are the bullwhip effect.',
  period: 'Per',
  perDay: 'day',
  perWeek: 'week',
  xDay: 'Day',
  xWeek: 'Week',
  yAxis: (period: string) => `Units per ${period}`,
  caption: (replications: number) => `Mean over ${replications === 1 ? '1 replication' : `${replications.toLocaleString('en-US')} replications`}, warm-up included.`,
  orders: (echelon: string) => `${echelon}: orders placed`,
  demand: (echelon: string) => `${echelon}: demand faced`,
  group: (nodes: number, first: string) => `${first} and ${nodes - 1} more`,
  noSeries: 'The run kept no daily series per stock point (output.series), so orders and demand by echelon cannot be drawn.',
  cursor: 'Orders and demand on a day',
};
