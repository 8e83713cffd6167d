import { readFileSync } from 'node:fs';
import { parseScenarioText } from './src/scenario/parse.ts';
import { runReplication } from './src/experiment/run.ts';
const r = parseScenarioText(readFileSync('scenarios/bench/retail-1000.json', 'utf8'));
if (!r.ok) { console.log(r.issues); throw 1; }
let best = Infinity;
for (let i = 0; i < 4; i++) {
const c0 = process.cpuUsage();
const res = runReplication(r.scenario, 0, 0, { series: false });
const c = process.cpuUsage(c0); const s = (c.user + c.system) / 1e6; best = Math.min(best, s);
if (i === 0) console.log(res.events, res.network.kpis.fillRate);
}
console.log('best cpu s', best.toFixed(3), (7344123 / best / 1e6).toFixed(2), 'M ev/s');
