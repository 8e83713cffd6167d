import { warningText, type ModelWarning } from '../../../src/model/warnings.ts';

/**
 * The dashboard's modelling warnings in English (web/results/modelWarnings.ts): what in the scenario
 * makes the run's numbers mislead, each from the engine's facts (src/model/warnings.ts) in the CLI's
 * words. The list's heading is `app.warnings`.
 */
export const modelWarnings = {
  help: 'What in the scenario makes these numbers mislead, and how to fix it (the run\u2019s own warnings, as the command line prints them).',
  /** one warning, from its facts */
  warning: (fact: ModelWarning) => warningText(fact),
};
