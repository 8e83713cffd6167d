import { beforeAll, describe, it } from 'vitest';
import { erlangB, mmc } from '../../src/theory/queues.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/queue-mmc.json: make-to-order through a picking station of 3 servers (exponential,
 * 4 orders a day each) fed by Poisson orders at 8 a day. Customers wait exactly while their job is in
 * the station, so their mean wait is the M/M/3 time in system and the customers waiting are its jobs.
 */
describe('an order-picking station agrees with the M/M/c queue (Erlang C)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    // 40 replications, not the file's 20: the check needs the interval of Wq (0.11 days) within 5% of it
    agreement = runAgainstTheory({ ...loadTheoryScenario('scenarios/theory/queue-mmc.json'), replications: 40 });
  });

  it("mean customer wait = W and mean customers waiting = L; the station's Wq, Lq, P(wait) (Erlang C) and utilisation; the orders at the station as the shop's pipeline, L", () => {
    expectAgreement(agreement);
  });

  it('measures the wait for a picker apart from the time in the station, and counts the orders in service in the pipeline', () => {
    const right = mmc({ arrivalRate: 8, serviceRate: 4, servers: 3 });
    // Wq, not W; Lq, not L; the pipeline holds the orders in service too (L, not Lq)
    expectRejected(agreement, 'baseline', 'queueWait', right.expectedTimeInSystem);
    expectRejected(agreement, 'baseline', 'queueLength', right.expectedNumberInSystem);
    expectRejected(agreement, 'baseline', 'avgPipeline', right.expectedNumberInQueue);
    // Erlang C, not Erlang B (the share that would be lost without a queue)
    expectRejected(agreement, 'baseline', 'waitProbability', erlangB(3, 2));
  });

  it('rejects the figures of a station with 2 servers of rate 6 (same capacity, pooled differently)', () => {
    const wrong = mmc({ arrivalRate: 8, serviceRate: 6, servers: 2 });
    expectRejected(agreement, 'baseline', 'avgCustomerWait', wrong.expectedTimeInSystem);
    expectRejected(agreement, 'baseline', 'avgBackorders', wrong.expectedNumberInSystem);
  });
});
