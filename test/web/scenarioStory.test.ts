import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitStory } from '../../web/scenarioStory.ts';
import { frenchScenarioText } from '../../web/i18n/fr/scenarios.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { repoRoot } from '../fixtures/scenario.ts';

describe("a scenario's story and what to look at", () => {
  it('splits at the first sentence that starts "Look at", keeping every word', () => {
    const text = 'A shop. It sells coffee. Look at fillRate. Lean runs out. Look at profit too.';
    expect(splitStory(text)).toEqual({ story: 'A shop. It sells coffee.', lookAt: 'Look at fillRate. Lean runs out. Look at profit too.' });
    expect(splitStory('Look at fillRate only.')).toEqual({ story: '', lookAt: 'Look at fillRate only.' });
    // "look at" inside a sentence is no pointer
    expect(splitStory('Planners look at fill rate. Then cost.')).toEqual({ story: 'Planners look at fill rate. Then cost.', lookAt: '' });
    expect(splitStory('')).toEqual({ story: '', lookAt: '' });
  });

  it('splits a French description at « Regardez », as the English one at "Look at": the same sentences on each side', () => {
    const dir = join(repoRoot, 'scenarios');
    let split = 0;
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
      const english = (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { description?: string }).description ?? '';
      const french = frenchScenarioText(`scenarios/${name}`);
      if (!french) continue;
      const [en, fr] = [splitStory(english), splitStory(french.description)];
      expect(fr.lookAt === '', name).toBe(en.lookAt === '');
      if (en.lookAt === '') continue;
      expect(fr.lookAt.startsWith('Regardez'), name).toBe(true);
      // the pointer is a tail of the French text, the story all the rest
      expect(`${fr.story} ${fr.lookAt}`.trim(), name).toBe(french.description.trim());
      split++;
    }
    // six gallery cases point at what to look at today (04, 06, 09, 10, 11, 12)
    expect(split).toBeGreaterThanOrEqual(6);
    expect(splitStory('Un magasin. Les clients regardez ici. Regardez fillRate.')).toEqual({ story: 'Un magasin. Les clients regardez ici.', lookAt: 'Regardez fillRate.' });
  });

  it('every gallery business case names its headline KPIs, and each applies to the scenario (none left empty on the cards)', () => {
    const dir = join(repoRoot, 'scenarios');
    const business = readdirSync(dir).filter((name) => /^\d\d-.*\.json$/.test(name) && !/^0[123]-/.test(name));
    expect(business.length).toBeGreaterThanOrEqual(10);
    for (const name of business) {
      const parsed = parseScenarioText(readFileSync(join(dir, name), 'utf8'), { readFile: (path) => readFileSync(join(dir, path), 'utf8') });
      if (!parsed.ok) throw new Error(`${name}: ${parsed.issues[0].path}: ${parsed.issues[0].message}`);
      expect(parsed.scenario.headline, name).toBeDefined();
      expect(parsed.scenario.headline!.length, name).toBeGreaterThanOrEqual(3);
    }
  });

  it('a headline names known KPIs, each once, at most six', () => {
    const coffee = JSON.parse(readFileSync(join(repoRoot, 'scenarios', '04-coffee-brand.json'), 'utf8'));
    const problems = (headline: unknown) => {
      const parsed = parseScenarioText(JSON.stringify({ ...coffee, headline }));
      return parsed.ok ? [] : parsed.issues.map((issue) => `${issue.path}: ${issue.message}`);
    };
    expect(problems(['fillRate', 'profit'])).toEqual([]);
    expect(problems(['fill rate'])[0]).toMatch(/^headline\[0\]: expected one of "fillRate", "cycleServiceLevel", .* and \d+ more \(as written in the scenario format\), got "fill rate"$/);
    expect(problems(['fillRate', 'fillRate'])).toEqual(['headline: expected each KPI once']);
    expect(problems([])).toEqual(['headline: expected at least one KPI']);
    expect(problems(['fillRate', 'profit', 'revenue', 'totalCost', 'holdingCost', 'readyRate', 'expiredUnits'])[0]).toMatch(/at most 6/);
  });
});
