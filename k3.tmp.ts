import { readFileSync } from 'node:fs';
import { parseScenarioText } from './src/scenario/parse.ts';
import { runReplication } from './src/experiment/run.ts';
import { Simulation } from './src/model/simulation.ts';
const mode = process.argv[2];
const P = Simulation.prototype as any;
if (mode === 'nodemand') P.customerDemand = function () {};
if (mode === 'noreview') { const orig = P.customerDemand; P.reviewContinuous = function (p: any) { if (p.onHand < 60) { const q = p.policy.orderQuantity(p); if (q) this.placeOrder(p, q); } }; }
const r = parseScenarioText(readFileSync('scenarios/bench/retail-1000.json', 'utf8'));
if (!r.ok) throw 1;
let best = Infinity;
for (let i = 0; i < 3; i++) {
const c0 = process.cpuUsage();
const res = runReplication(r.scenario, 0, 0, { series: false });
const c = process.cpuUsage(c0); const s = (c.user + c.system) / 1e6; best = Math.min(best, s);
}
console.log(mode, 'best cpu s', best.toFixed(3));
