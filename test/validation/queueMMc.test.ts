import { beforeAll, describe, it } from 'vitest';
import { mmc } from '../../src/theory/queues.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/queue-mmc.json: make-to-order through a picking station of 3 servers (exponential,
 * 4 orders a day each) fed by Poisson orders at 8 a day. Customers wait exactly while their job is in
 * the station, so their mean wait is the M/M/3 time in system and the customers waiting are its jobs.
 */
describe('an order-picking station agrees with the M/M/c queue (Erlang C)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/queue-mmc.json'));
  });

  it('mean customer wait = W and mean customers waiting = L', () => {
    expectAgreement(agreement);
  });

  it('rejects the figures of a station with 2 servers of rate 6 (same capacity, pooled differently)', () => {
    const wrong = mmc({ arrivalRate: 8, serviceRate: 6, servers: 2 });
    expectRejected(agreement, 'baseline', 'avgCustomerWait', wrong.expectedTimeInSystem);
    expectRejected(agreement, 'baseline', 'avgBackorders', wrong.expectedNumberInSystem);
  });
});
