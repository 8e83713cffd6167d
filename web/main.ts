// first: zod without eval, before any schema is built (the page's Content-Security-Policy refuses eval)
import '../src/scenario/jitless.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { app, galleryStrings, sweep as swept, editorStrings, optimize as optimized, importStrings, parameterLabel, policyTypeLabel, recommend as recommended, sensitivity as sensitivityStrings, sentences } from './i18n/strings.ts';
import { Store, type AppState } from './state.ts';
import { DEFAULT_SCENARIO, gallery, lessonShown, readGalleryFile, scenarioTextShown, type GalleryEntry } from './gallery.ts';
import { showLesson } from './classroom/lessonPanel.ts';
import { openRequest, shortName } from './classroom/lessonLink.ts';
import { createGalleryList } from './gallery/galleryList.ts';
import { runBudgetIssues, runScenario } from './worker/client.ts';
import { createDashboard } from './dashboard.ts';
import { createScenarioEditor } from './editor/scenarioEditor.ts';
import { openScenarioFile, saveScenarioFile } from './editor/files.ts';
import { decodeScenarioFromUrl, encodeScenarioForUrl } from './editor/shareLink.ts';
import { applyEditToText, type JsonEdit } from './editor/jsonText.ts';
import { downloadName, downloadText, resultToCsv, resultToJson } from './charts/export.ts';
import { viewAsHtml } from './viewExport.ts';
import { parseValues, planGrid, runSweep, sweepTargets, sweepViewCsv, sweepViewJson } from './worker/sweep.ts';
import { createSweepPanel, type SweepRequest } from './sweepPanel.ts';
import { runSensitivity, sensitivityVariants, sensitivityViewCsv, sensitivityViewJson, type SensitivityRequest } from './worker/sensitivity.ts';
import { createSensitivityPanel } from './sensitivityPanel.ts';
import { confirmReplicationsFor, OPTIMIZE_TOP, optimizeViewCsv, optimizeViewJson, runOptimize, type OptimizeRequest } from './worker/optimize.ts';
import { createOptimizePanel } from './optimizePanel.ts';
import { confirmReplicationsFor as confirmRecommendationFor, recommendRunsToCheck, recommendViewCsv, recommendViewJson, recommendViewMasterCsv, runRecommend, searchReplicationsFor, SEARCH_RUNGS, type RecommendRequest, type RecommendView } from './worker/recommend.ts';
import { createRecommendPanel } from './recommendPanel.ts';
import { createPresentMode } from './presentMode.ts';
import { runPrecision, type PrecisionRequest, type PrecisionSummary } from './worker/precision.ts';
import { createPrecisionForm } from './precisionForm.ts';
import { KPI_LIST, kpiMeta } from './charts/kpiMeta.ts';
import type { ScenarioInput } from '../src/scenario/schema.ts';
import type { ScenarioIssue } from '../src/scenario/issues.ts';
import { createImportWizard } from './import/importWizard.ts';
import { createLanguageSwitch, keepCarryOver, takeCarryOver, type CarryOver } from './app/languageSwitch.ts';
import { startOffline } from './app/offline.ts';
import { locale } from './i18n/locale.ts';
import { createStaleMarker, recommendationBasis, stalenessOf, type Staleness } from './staleResults.ts';
import { showScenarioStory } from './scenarioStory.ts';
import { createStepperPanel } from './stepper/stepperPanel.ts';
import { createBeerGameMode } from './classroom/beerGamePanel.ts';
import { beerGameStrings } from './i18n/strings.ts';

/**
 * The app: a top bar (scenario, run settings, Run / Cancel, progress), a left panel (gallery and
 * editor; a drawer on narrow screens) and the dashboard. The engine runs only in Web Workers, through
 * the worker API (worker/client.ts); this thread edits, validates and draws.
 */
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const runButton = $<HTMLButtonElement>('run');
const cancelButton = $<HTMLButtonElement>('cancel');
const replicationsInput = $<HTMLInputElement>('replications');
const seedInput = $<HTMLInputElement>('seed');
const progress = $('progress');
const progressBar = progress.querySelector<HTMLElement>('.progress-bar')!;
const progressText = $('progress-text');
const status = $('status');
const banner = $('banner');
const side = $('side');
const drawerToggle = $<HTMLButtonElement>('drawer-toggle');

applyStrings();

const store = new Store({ text: '', scenario: null, issues: [], run: { status: 'idle' }, result: null, sweep: null, sensitivity: null, optimize: null, recommend: null, panelsRanOn: {}, linkProblem: null });
const precisionForm = createPrecisionForm({
  meanOf(kpi) {
    const result = store.state.result?.value;
    const means = result?.variants.map((variant) => variant.network[kpi].mean).filter((mean): mean is number => mean !== null) ?? [];
    return means.length > 0 ? means.reduce((sum, mean) => sum + mean, 0) / means.length : null;
  },
  onToggle: () => showReplicationsHint(),
});
showReplicationsHint();
const dashboard = createDashboard($('dashboard'));
const editor = createScenarioEditor($('editor'), {
  // gallery scenarios may refer to bundled CSV histories
  readFile: readGalleryFile,
  // a run too large for the page is a problem at the field that drives it, like any other
  check: (scenario) => runBudgetIssues(scenario),
  onChange(text, parsed) {
    store.update(parsed.ok ? { text, scenario: parsed.scenario, issues: [] } : { text, scenario: null, issues: parsed.issues });
  },
});
const sweepPanel = createSweepPanel($('sweep'), { onRun: (request) => void sweep(request), parseValues, files: { csv: sweepViewCsv, json: sweepViewJson } });
const sensitivityPanel = createSensitivityPanel($('sensitivity'), {
  onRun: (request) => void sensitivity(request),
  labels: sensitivityStrings.inputs,
  files: { csv: sensitivityViewCsv, json: sensitivityViewJson },
});
const optimizePanel = createOptimizePanel($('optimize'), { onRun: (request) => void optimizeGrid(request), parseValues, files: { csv: optimizeViewCsv, json: optimizeViewJson } });
const recommendPanel = createRecommendPanel($('recommend'), {
  onRun: (request) => void recommendFor(request),
  onAddVariant: addRecommendedVariant,
  files: { csv: recommendViewCsv, masterCsv: recommendViewMasterCsv, json: recommendViewJson },
});
const stepperPanel = createStepperPanel($('stepper'));
const presentMode = createPresentMode($<HTMLButtonElement>('present'), {
  deck: $('deck'),
  result: () => {
    const result = store.state.result;
    // titled as the top bar titles it: a gallery scenario's name in the page's language
    return result && { scenario: { ...result.scenario, name: scenarioTextShown(result.scenario).name }, seed: String(result.value.seed), replications: result.value.replications };
  },
  // the charts take the new width: the slides' (those hidden meanwhile were drawn at a stand-in width)
  redraw: () => requestAnimationFrame(() => dashboard.redraw()),
  exportHtml: () => $('export-html').click(),
  onChange: () => {
    closeDrawer();
    requestAnimationFrame(() => dashboard.redraw());
  },
});
let controller: AbortController | null = null;

// the Beer Game played by people (issue 18): a mode over the page, opened from the Beer Game's story or ?play=beer-game
const BEER_GAME_PATH = 'scenarios/classroom/beer-game.json';
const beerGameEntry = gallery.find((entry) => entry.path === BEER_GAME_PATH);
const playBeerGameButton = $<HTMLButtonElement>('play-beer-game');
playBeerGameButton.textContent = beerGameStrings.open;
playBeerGameButton.title = beerGameStrings.openHint;
const beerGameMode = createBeerGameMode($('beer-game'), {
  scenario: () => (beerGameEntry ? (JSON.parse(beerGameEntry.text) as unknown) : null),
  currency: beerGameEntry ? ((JSON.parse(beerGameEntry.text) as { currency?: string }).currency ?? 'USD') : 'USD',
  onLeave: () => {
    if (!$('play-beer-game-row').hidden) playBeerGameButton.focus();
    else $('dashboard').focus();
  },
});
playBeerGameButton.addEventListener('click', () => void beerGameMode.open());
/** the scenario shown is the gallery's Beer Game (by its name: as picked, or opened from a file or a link) */
const isBeerGame = (scenario: Scenario | null) => scenario !== null && beerGameEntry !== undefined && scenario.name === beerGameEntry.original.name;

// results that no longer belong to the scenario shown are dimmed at once, with what changed and Run again
const resultsMarker = createStaleMarker($('dashboard'), $('stale-notice'), { label: app.stale.runAgain, onClick: () => void run() });
const panelMarkers = (['sweep', 'sensitivity', 'optimize', 'recommend'] as const).map((panel) => {
  const section = $(panel);
  const notice = document.createElement('div');
  // under the panel's form (which stays as it is: it is how to run again)
  const form = section.querySelector('.sweep-form');
  if (form) form.after(notice);
  else section.prepend(notice);
  return { panel, marker: createStaleMarker(section, notice, null) };
});

// ------------------------------------------------------------------------------------------------
// what the page shows follows the state

store.subscribe((state, previous) => {
  if (state.scenario !== previous.scenario && state.scenario) {
    // a gallery scenario's own name and story in the page's language; what someone wrote, as written
    const shown = scenarioTextShown(state.scenario);
    $('scenario-name').textContent = shown.name;
    showDescription(shown.description);
    // a classroom lesson: its question, what to try and the debrief, folded (web/classroom/lessonPanel.ts)
    showLesson($('scenario-lesson'), lessonShown(state.scenario));
    $('play-beer-game-row').hidden = !isBeerGame(state.scenario);
    // the top bar shows the scenario's replications and seed (edited here or in the editor)
    if (state.scenario.replications !== previous.scenario?.replications) replicationsInput.value = String(state.scenario.replications);
    if (state.scenario.seed !== previous.scenario?.seed) seedInput.value = String(state.scenario.seed);
    precisionForm.setCurrency(state.scenario.currency);
    sweepPanel.setTargets(sweepTargets(state.scenario), state.scenario.currency);
    sensitivityPanel.setVariants(sensitivityVariants(state.scenario), state.scenario.currency);
    optimizePanel.setTargets(sweepTargets(state.scenario), state.scenario.currency);
    recommendPanel.setCurrency(state.scenario.currency);
  }
  const running = state.run.status === 'running';
  runButton.disabled = running || state.scenario === null;
  cancelButton.disabled = !running;
  replicationsInput.disabled = running;
  seedInput.disabled = running;
  precisionForm.setEnabled(!running);
  sweepPanel.setEnabled(!running && state.scenario !== null);
  if (state.sweep !== previous.sweep) sweepPanel.show(state.sweep);
  sensitivityPanel.setEnabled(!running && state.scenario !== null);
  if (state.sensitivity !== previous.sensitivity) sensitivityPanel.show(state.sensitivity);
  optimizePanel.setEnabled(!running && state.scenario !== null);
  if (state.optimize !== previous.optimize) optimizePanel.show(state.optimize);
  // shown first: show() decides whether there is a variant to add, setEnabled keeps it off while running
  if (state.recommend !== previous.recommend) recommendPanel.show(state.recommend);
  recommendPanel.setEnabled(!running && state.scenario !== null);
  showBanner(state);
  showProgress(state);
  markStale(state);
  if (state.scenario !== previous.scenario) stepperPanel.setScenario(state.scenario && runSettings(state.scenario));
  if (state.result !== previous.result) stepperPanel.setResult(state.result && { value: state.result.value, scenario: state.result.scenario });
  if (state.result !== previous.result) {
    for (const id of ['export-csv', 'export-json', 'export-html', 'present']) $<HTMLButtonElement>(id).disabled = state.result === null;
    if (state.result) dashboard.show(state.result.value, state.result.scenario, state.result.theory, state.result.comparisons, state.result.warnings);
    else dashboard.clear();
  }
});

/** The scenario's story and what to look at, visible on the first screen (web/scenarioStory.ts). */
function showDescription(text: string): void {
  showScenarioStory($('scenario-description'), text, app.story);
}

function showBanner(state: AppState): void {
  const lines: string[] = [];
  if (state.linkProblem !== null) lines.push(app.badLink(state.linkProblem));
  if (state.issues.length > 0) lines.push(app.invalid(state.issues.length));
  if (state.run.status === 'failed') lines.push(app.failed(state.run.message));
  if (state.run.status === 'refused') lines.push(app.refused(state.run.message));
  banner.hidden = lines.length === 0;
  banner.textContent = lines.join(' ');
}

/** The top bar's replications and seed as a run would take them (see runSettings), or null without a valid scenario. */
function shownSettings(scenario: Scenario | null): { replications: number; seed: string | number } | null {
  if (!scenario) return null;
  const { replications, seed } = runSettings(scenario);
  return { replications, seed };
}

function staleMessage(staleness: Staleness): string | null {
  if (staleness === null) return null;
  if (staleness.kind === 'invalid') return app.stale.invalid;
  if (staleness.kind === 'other') return app.stale.other(staleness.name);
  if (staleness.kind === 'replications') return app.stale.replications(staleness.ran, staleness.now);
  if (staleness.kind === 'seed') return app.stale.seed(staleness.ran, staleness.now);
  return app.stale.edited;
}

/** Marks the results (and each panel's) that were run on another scenario than the one shown. */
function markStale(state: AppState): void {
  const settings = shownSettings(state.scenario);
  resultsMarker.set(state.result ? staleMessage(stalenessOf(state.result.scenario, state.scenario, settings)) : null);
  for (const { panel, marker } of panelMarkers) {
    const ranOn = state.panelsRanOn[panel];
    // a recommendation depends on today's policies only: the variant it adds leaves it current
    const stale = ranOn !== undefined && (panel === 'recommend' ? stalenessOf(recommendationBasis(ranOn), state.scenario && recommendationBasis(state.scenario), settings) : stalenessOf(ranOn, state.scenario, settings)) !== null;
    marker.set(state[panel] !== null && stale ? app.stale.panel : null);
  }
}

function showProgress(state: AppState): void {
  const run = state.run;
  if (run.status === 'running') {
    const fraction = run.total > 0 ? run.done / run.total : 0;
    const elapsed = (performance.now() - run.startedAt) / 1000;
    const left = run.done > 0 ? (elapsed / run.done) * (run.total - run.done) : null;
    progress.setAttribute('aria-valuemax', String(run.total));
    progress.setAttribute('aria-valuenow', String(run.done));
    progressBar.style.width = `${(fraction * 100).toFixed(1)}%`;
    // a precision run counts replications of its round's planned total; others count runs
    progressText.textContent = run.round === undefined ? app.progress(run.done, run.total, left) : app.precisionProgress(run.round, run.done, run.total);
    status.textContent = run.round !== undefined ? app.runningRound(run.round, left) : (run.what ?? app.running);
    progress.classList.add('active');
    return;
  }
  progress.classList.remove('active');
  // no time left to show once the run has ended
  progressText.textContent = progressText.textContent?.replace(/ · .*$/, '') ?? '';
  if (run.status === 'done') status.textContent = run.precision ? precisionSentence(run.precision, run.replications, run.seconds) : (run.summary ?? app.done(run.replications, run.seconds));
  else if (run.status === 'cancelled') status.textContent = run.replications === 0 ? app.cancelledNone : run.asked !== undefined && run.asked > run.replications ? app.cancelledKept(run.replications, run.asked) : app.cancelled(run.replications);
  else if (run.status === 'failed' || run.status === 'refused') status.textContent = '';
}

/** How a precision run ended, in one sentence: the half-width reached and the target, or the cap. */
function precisionSentence(summary: PrecisionSummary, replications: number, seconds: number): string {
  const { kpi, halfWidth: target } = summary.request;
  const label = kpiMeta(kpi).label;
  const wanted = precisionForm.formatHalfWidth(kpi, target, 6);
  if (summary.halfWidth === null) return app.precisionNoInterval(label, replications, seconds);
  const reached = precisionForm.formatHalfWidth(kpi, summary.halfWidth);
  const sentence = summary.met ? app.precisionMet : app.precisionCapped;
  return sentence(label, reached, summary.variants, replications, wanted, summary.rounds, seconds);
}

/** What an exported view says about a precision run's replications (web/viewExport.ts), or nothing. */
function precisionNote(summary: PrecisionSummary | null): string | undefined {
  if (!summary) return undefined;
  const { kpi, halfWidth, cap } = summary.request;
  const reached = summary.halfWidth === null ? null : precisionForm.formatHalfWidth(kpi, summary.halfWidth);
  return app.precisionExported(kpiMeta(kpi).label, precisionForm.formatHalfWidth(kpi, halfWidth, 6), cap, summary.met, reached);
}

/** Replications' hint: in precision mode it is the first round, and shows the number used afterwards. */
function showReplicationsHint(): void {
  replicationsInput.title = precisionForm.on ? app.precisionModeHint : '';
}

// ------------------------------------------------------------------------------------------------
// running

/** The scenario to run: the editor's, with the replications and seed of the top bar. */
function runSettings(scenario: Scenario): Scenario {
  const replications = Number(replicationsInput.value);
  const seed = seedInput.value.trim();
  return {
    ...scenario,
    replications: Number.isInteger(replications) && replications >= 1 ? replications : scenario.replications,
    seed: seed === '' ? scenario.seed : /^\d+$/.test(seed) ? Number(seed) : seed,
  };
}

/**
 * Starts `work` (a run, a sweep, a sensitivity analysis, an optimisation) unless one is under way, in
 * which case that one is returned: they share one worker pool, progress bar and Cancel.
 */
function exclusive(work: () => Promise<void>): Promise<void> {
  if (store.state.run.status === 'running') return currentRun;
  currentRun = work();
  return currentRun;
}

/** The run under way (or the last one): a new run waits for a cancelled one to wind down. */
let currentRun: Promise<void> = Promise.resolve();

function run(): Promise<void> {
  return exclusive(() => runNow());
}

/**
 * Puts the shell in the running state (progress bar, Cancel) for a run or a sweep: the signal Cancel
 * aborts, the progress callback for the worker pool, and `end` to call when the pool is done.
 */
function beginRun(what?: string) {
  controller = new AbortController();
  const startedAt = performance.now();
  let described = what;
  store.update({ run: { status: 'running', done: 0, total: 0, startedAt, what: described } });
  const signal = controller.signal;
  // a progress message already on its way when the run ends (cancelled workers included) must not
  // bring the finished run back to life
  const onProgress = (done: number, total: number, round?: number) => {
    if (controller?.signal === signal && !signal.aborted) store.update({ run: { status: 'running', done, total, startedAt, round, what: described } });
  };
  /** the analysis moves on to another phase (an optimisation's confirmation): the status says it */
  const describe = (next: string) => {
    described = next;
  };
  const end = () => {
    if (controller?.signal === signal) controller = null;
    return { cancelled: signal.aborted, seconds: (performance.now() - startedAt) / 1000 };
  };
  return { signal, onProgress, end, describe };
}

async function runNow(): Promise<void> {
  // a click within the editor's debounce still runs what is on screen
  editor.flush();
  const scenario = store.state.scenario;
  if (!scenario || store.state.run.status === 'running') return;
  const settings = runSettings(scenario);
  const request = precisionForm.on ? precisionForm.read() : null;
  if (precisionForm.on && !request) return;
  // the top bar's replications (a shared link's) or a precision cap can make a scenario that fits too
  // large: refused in words, before any worker starts
  const refused = runBudgetIssues(settings, request ? { replications: Math.max(request.cap, settings.replications) } : {});
  if (refused.length > 0) {
    store.update({ run: { status: 'refused', message: failureMessage({ issues: refused }) } });
    return;
  }
  if (request) {
    await precisionNow(settings, request);
    return;
  }
  const { signal, onProgress, end } = beginRun();
  const outcome = await runScenario(settings, onProgress, signal, { theory: true, warnings: true });
  const { cancelled, seconds } = end();
  if (!outcome.ok) {
    const message = failureMessage(outcome);
    store.update({ run: { status: 'failed', message } });
    return;
  }
  const result = outcome.result;
  // a cancel keeps the complete replications: the results are those of a run of that many (the same
  // numbers, replication by replication), and Replications follows, so Share and Save reproduce them
  const kept = cancelled && result.replications > 0 && result.replications < settings.replications;
  const ran = kept ? { ...settings, replications: result.replications } : settings;
  store.update({
    run: cancelled ? { status: 'cancelled', replications: result.replications, asked: settings.replications } : { status: 'done', replications: result.replications, seconds },
    result: result.replications > 0 ? { value: result, scenario: ran, theory: outcome.theory, comparisons: outcome.comparisons, warnings: outcome.warnings, precision: null } : store.state.result,
  });
  // only while the scenario shown is still the one that ran (a gallery pick cancels the run and loads
  // another, whose replications are its own)
  if (kept && stalenessOf(settings, store.state.scenario, shownSettings(store.state.scenario)) === null) setReplications(result.replications);
}

/** Replications in the top bar and in the scenario's text (an undoable edit, as typing it there). */
function setReplications(replications: number): void {
  replicationsInput.value = String(replications);
  editRunSetting('replications', replicationsInput.value);
}

/**
 * Run in precision mode (web/worker/precision.ts): rounds of replications on one worker pool, with the
 * same progress bar and Cancel as Run, until the target is met or the cap stops it. The result is
 * shown as a plain run's (it is one, with that many replications), and the top bar's Replications
 * then holds the number used, so the share link, the saved scenario and a plain run reproduce it. A
 * cancel keeps the complete replications, as Run's.
 */
async function precisionNow(settings: Scenario, request: PrecisionRequest): Promise<void> {
  const { signal, onProgress, end } = beginRun();
  const outcome = await runPrecision(settings, request, (at) => onProgress(at.done, at.total, at.round), signal);
  const { cancelled, seconds } = end();
  if (!outcome.ok) {
    const message = failureMessage(outcome);
    store.update({ run: { status: 'failed', message } });
    return;
  }
  const result = outcome.result;
  const stopped = cancelled || outcome.precision.cancelled;
  const used = { ...settings, replications: result.replications };
  store.update({
    run: stopped ? { status: 'cancelled', replications: result.replications } : { status: 'done', replications: result.replications, seconds, precision: outcome.precision },
    result: result.replications > 0 ? { value: result, scenario: used, theory: outcome.theory, comparisons: outcome.comparisons, warnings: outcome.warnings, precision: outcome.precision } : store.state.result,
  });
  // the replications used (or, cancelled, kept) become the scenario's, so that the results belong to it
  const stillShown = stalenessOf(settings, store.state.scenario, shownSettings(store.state.scenario)) === null;
  if (stillShown && result.replications > 0 && result.replications !== settings.replications) setReplications(result.replications);
}

runButton.addEventListener('click', () => void run());

/** A parameter sweep (web/sweepPanel.ts): the sibling of run(), on the same pool, progress bar and Cancel. */
function sweep(request: SweepRequest): Promise<void> {
  return exclusive(() => sweepNow(request));
}

async function sweepNow(request: SweepRequest): Promise<void> {
  editor.flush();
  const scenario = store.state.scenario;
  if (!scenario || store.state.run.status === 'running') return;
  // the top bar's replications and seed, as for Run
  const settings = runSettings(scenario);
  const planned = planGrid(settings, request);
  if (!planned.ok) {
    sweepPanel.showError(swept.cannotPlan(planned.error));
    return;
  }
  // every grid point is one more variant's runs: the whole grid must fit the page
  const tooLarge = runBudgetIssues(planned.plan.scenario);
  if (tooLarge.length > 0) {
    sweepPanel.showError(app.refused(failureMessage({ issues: tooLarge })));
    return;
  }
  const parameters = request.axes.map((axis) => parameterLabel(axis.parameter)).join(' × ');
  const points = planned.plan.points.length;
  const { signal, onProgress, end } = beginRun(app.analysis.sweep(parameters, points, settings.replications));
  const outcome = await runSweep(planned.plan, request, onProgress, signal);
  const { cancelled, seconds } = end();
  if (!outcome.ok) {
    store.update({ run: { status: 'failed', message: outcome.error } });
    return;
  }
  const view = outcome.view;
  store.update({
    run: cancelled
      ? { status: 'cancelled', replications: view.replications }
      : { status: 'done', replications: view.replications, seconds, summary: app.analysis.sweepDone(parameters, points, view.replications, seconds) },
    sweep: view.replications > 0 ? view : store.state.sweep,
    panelsRanOn: view.replications > 0 ? { ...store.state.panelsRanOn, sweep: settings } : store.state.panelsRanOn,
  });
}

/**
 * A one-at-a-time sensitivity analysis (web/sensitivityPanel.ts): the baseline and each input at −x%
 * and +x% for one variant, one run after another on the same pool, progress bar and Cancel as Run.
 */
function sensitivity(request: SensitivityRequest): Promise<void> {
  return exclusive(() => sensitivityNow(request));
}

async function sensitivityNow(request: SensitivityRequest): Promise<void> {
  editor.flush();
  const scenario = store.state.scenario;
  if (!scenario || store.state.run.status === 'running') return;
  // the top bar's replications and seed, as for Run
  const settings = runSettings(scenario);
  const variantName = sensitivityVariants(settings).find((variant) => variant.id === request.variant)?.name ?? request.variant;
  const { signal, onProgress, end } = beginRun(app.analysis.sensitivity(variantName, request.percent));
  const outcome = await runSensitivity(settings, request, onProgress, signal);
  const { cancelled, seconds } = end();
  if (!outcome.ok) {
    store.update({ run: { status: 'failed', message: outcome.error } });
    return;
  }
  const view = outcome.view;
  const replications = view?.replications ?? 0;
  store.update({
    run: cancelled
      ? { status: 'cancelled', replications }
      : { status: 'done', replications, seconds, summary: view ? app.analysis.sensitivityDone(view.variant, view.planned, view.percent, replications, seconds) : undefined },
    sensitivity: view ?? store.state.sensitivity,
    panelsRanOn: view ? { ...store.state.panelsRanOn, sensitivity: settings } : store.state.panelsRanOn,
  });
}

/**
 * Simulation optimisation (web/optimizePanel.ts): screen the grid on the top bar's replications,
 * confirm the best 3 on 4× as many, on the same pool, progress bar and Cancel as Run. A cancel keeps
 * what finished (the screening's leaders, or the confirmation so far), says so, and shows it.
 */
function optimizeGrid(request: OptimizeRequest): Promise<void> {
  return exclusive(() => optimizeNow(request));
}

async function optimizeNow(request: OptimizeRequest): Promise<void> {
  editor.flush();
  const scenario = store.state.scenario;
  if (!scenario || store.state.run.status === 'running') return;
  const settings = runSettings(scenario);
  optimizePanel.showError(null);
  // the screening runs the whole grid, the confirmation the best few more times each: both must fit
  // the page (a bad grid is reported by runOptimize)
  const planned = planGrid(settings, request);
  const confirmation = planned.ok ? { ...planned.plan.scenario, variants: planned.plan.scenario.variants.slice(0, OPTIMIZE_TOP) } : null;
  const tooLarge = planned.ok && confirmation ? [...runBudgetIssues(planned.plan.scenario), ...runBudgetIssues(confirmation, { replications: confirmReplicationsFor(settings.replications) })].slice(0, 1) : [];
  if (tooLarge.length > 0) {
    optimizePanel.showError(app.refused(failureMessage({ issues: tooLarge })));
    return;
  }
  const parameters = request.axes.map((axis) => parameterLabel(axis.parameter)).join(' × ');
  const points = planned.ok ? planned.plan.points.length : 0;
  const confirmReplications = confirmReplicationsFor(settings.replications);
  const { signal, onProgress, end, describe } = beginRun(app.analysis.screening(parameters, points, settings.replications));
  const outcome = await runOptimize(settings, request, (done, total, phase) => {
    if (phase === 'confirm') describe(app.analysis.confirming(parameters, Math.min(OPTIMIZE_TOP, points), confirmReplications));
    onProgress(done, total);
  }, signal);
  const { seconds } = end();
  if (!outcome.ok) {
    if (outcome.cancelled) {
      store.update({ run: { status: 'cancelled', replications: 0 } });
      optimizePanel.showError(optimized.cancelled);
    } else {
      store.update({ run: { status: 'idle' } });
      optimizePanel.showError(optimized.cannotRun(outcome.error));
    }
    return;
  }
  const view = outcome.view;
  const finished = view.outcome.complete;
  store.update({
    run: finished
      ? { status: 'done', replications: view.screenReplications, seconds, summary: app.analysis.optimizeDone(parameters, points, view.screenReplications, view.outcome.replications.confirm > 0 ? view.outcome.confirmed.length : 0, view.confirmReplications, seconds) }
      : { status: 'cancelled', replications: view.outcome.replications.screen },
    optimize: view,
    panelsRanOn: { ...store.state.panelsRanOn, optimize: settings },
  });
  if (!finished) optimizePanel.showError(optimized.cancelledPartial);
}

/**
 * A recommendation (web/recommendPanel.ts), as `stocklab recommend`: a ladder of levels searched on
 * the top bar's replications (at least 2), then today against the recommendation on twice as many (at
 * least 10) fresh seeds, on the same pool, progress bar and Cancel as Run. It needs every phase: a
 * cancel shows nothing new and says so.
 */
function recommendFor(request: RecommendRequest): Promise<void> {
  return exclusive(() => recommendNow(request));
}

async function recommendNow(request: RecommendRequest): Promise<void> {
  editor.flush();
  const scenario = store.state.scenario;
  if (!scenario || store.state.run.status === 'running') return;
  const settings = runSettings(scenario);
  recommendPanel.showError(null);
  // a rung of the search and the confirmation (two variants, more replications) must each fit the page
  const tooLarge = recommendRunsToCheck(settings)
    .flatMap((planned) => runBudgetIssues(planned.scenario, { replications: planned.replications, series: false }))
    .slice(0, 1);
  if (tooLarge.length > 0) {
    recommendPanel.showError(app.refused(failureMessage({ issues: tooLarge })));
    return;
  }
  const search = searchReplicationsFor(settings.replications);
  const confirm = confirmRecommendationFor(search);
  const { signal, onProgress, end, describe } = beginRun(recommended.phase('search', 1, SEARCH_RUNGS, search));
  const outcome = await runRecommend(
    settings,
    request,
    (done, total, phase) => {
      describe(phase.kind === 'confirm' ? recommended.phase('confirm', 1, 1, confirm) : recommended.phase(phase.kind, phase.step, phase.of, search));
      onProgress(done, total);
    },
    signal,
  );
  const { seconds } = end();
  if (!outcome.ok) {
    if (outcome.cancelled) {
      store.update({ run: { status: 'cancelled', replications: 0 } });
      recommendPanel.showError(recommended.cancelled);
    } else {
      store.update({ run: { status: 'idle' } });
      recommendPanel.showError(recommended.cannotRun(outcome.error));
    }
    return;
  }
  const view = outcome.view;
  const { runs } = view.outcome;
  store.update({
    run: { status: 'done', replications: search, seconds, summary: recommended.done(view.outcome.rows.length, (runs.search + runs.refine) / search, search, confirm, seconds) },
    recommend: view,
    panelsRanOn: { ...store.state.panelsRanOn, recommend: settings },
  });
}

/**
 * "Add the Recommended variant": the recommendation's variant (id "recommended") into the scenario's
 * text as one undoable edit, replacing an earlier one; a scenario without variants also gets today's
 * policies as a first variant, so Run compares today against the recommendation on common random
 * numbers, stock point by stock point. False when the text is not JSON at the moment.
 */
function addRecommendedVariant(view: RecommendView): boolean {
  const text = editor.getText();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return false;
  }
  const listed = typeof data === 'object' && data !== null && Array.isArray((data as { variants?: unknown }).variants) ? ((data as { variants: unknown[] }).variants) : [];
  const { spec } = view.outcome;
  const target = kpiMeta(spec.target.kpi, view.currency);
  const policyType = { sS: 'sS', rQ: 'rQ', RS: 'periodicRS', baseStock: 'baseStock' }[spec.policy];
  const variant = {
    ...view.outcome.variant,
    name: recommended.variantName,
    description: recommended.variantDescription(policyTypeLabel(policyType), `${target.label} ≥ ${target.format(spec.target.atLeast)}`),
  };
  const at = listed.findIndex((entry) => typeof entry === 'object' && entry !== null && (entry as { id?: unknown }).id === 'recommended');
  const edit: JsonEdit =
    listed.length === 0
      ? { op: 'set', path: ['variants'], value: [{ id: 'today', name: recommended.todayName, policies: [] }, variant] }
      : { op: 'set', path: ['variants', at < 0 ? listed.length : at], value: variant };
  editor.setText(applyEditToText(text, edit), { record: true });
  return true;
}

/**
 * The top bar's replications and seed are the scenario's own fields: a change here is an edit of the
 * scenario (one value changed in its text, undoable), so saving, sharing and exports carry it.
 */
function editRunSetting(field: 'replications' | 'seed', raw: string): void {
  const value = field === 'replications' ? Number(raw) : /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw.trim();
  if (field === 'replications' && !(Number.isInteger(value) && (value as number) >= 1)) return;
  if (field === 'seed' && value === '') return;
  try {
    editor.setText(applyEditToText(editor.getText(), { op: 'set', path: [field], value }), { record: true });
  } catch {
    // the text is not valid JSON at the moment; the run uses the value as an override
  }
}
replicationsInput.addEventListener('change', () => editRunSetting('replications', replicationsInput.value));
seedInput.addEventListener('change', () => editRunSetting('seed', seedInput.value));
// typed, not yet committed: what Run would run already differs from the results
replicationsInput.addEventListener('input', () => markStale(store.state));
seedInput.addEventListener('input', () => markStale(store.state));
cancelButton.addEventListener('click', () => controller?.abort());

// ------------------------------------------------------------------------------------------------
// loading scenarios: the gallery, files, shared links

/**
 * Puts a scenario in the editor (which checks it at once and reports through onChange), with the run
 * settings a shared link carries. Loads from the gallery or a link are not undo steps.
 */
function load(text: string, settings: { replications?: number; seed?: string | number } = {}, record = false): void {
  // a sweep's results belong to the scenario it was run on; a bad link's notice, to the link
  store.update({ sweep: null, sensitivity: null, optimize: null, recommend: null, panelsRanOn: {}, linkProblem: null });
  editor.setText(text, { record });
  const scenario = store.state.scenario;
  if (scenario) {
    replicationsInput.value = String(settings.replications ?? scenario.replications);
    seedInput.value = String(settings.seed ?? scenario.seed);
  }
}

const galleryList = createGalleryList($('gallery'), gallery, pick);

/** the gallery entry the scenario shown was picked from, or null (a file, an import, a link) */
let currentGalleryPath: string | null = null;

function pick(entry: GalleryEntry): void {
  const wasRunning = store.state.run.status === 'running';
  if (wasRunning) controller?.abort();
  galleryList.setCurrent(entry.path);
  currentGalleryPath = entry.path;
  load(entry.text);
  closeDrawer();
  // a run under way is cancelled first; the new scenario runs once it has stopped
  if (wasRunning) void currentRun.then(() => run());
  else void run();
}

$('open-file').addEventListener('click', async () => {
  try {
    const file = await openScenarioFile();
    if (file) openAndRun(file.text);
  } catch (error) {
    status.textContent = app.openFailed(error instanceof Error ? error.message : String(error));
  }
});

// Import data… (web/import/): a planner's files to a scenario, opened as Open… opens one, then run
const importButton = $<HTMLButtonElement>('import-data');
importButton.textContent = importStrings.openButton;
importButton.title = importStrings.openButtonHint;
const importWizard = createImportWizard({ onOpen: openImported });
importButton.addEventListener('click', () => importWizard.open());

function openImported(scenario: ScenarioInput): void {
  // the scenario embeds what the import made (fitted distributions or the histories), so a Save gives
  // back the same file and the same run
  openAndRun(`${JSON.stringify(scenario, null, 2)}\n`);
  status.textContent = importStrings.opened(scenario.name ?? '');
}

/**
 * A scenario from a file (Open…, Import data…) opens as a gallery pick does: a run under way is
 * cancelled, the scenario loaded (an undo step), and run, so no other scenario's results stay under
 * its name.
 */
function openAndRun(text: string): void {
  const wasRunning = store.state.run.status === 'running';
  if (wasRunning) controller?.abort();
  galleryList.setCurrent(null);
  currentGalleryPath = null;
  load(text, {}, true);
  closeDrawer();
  if (wasRunning) void currentRun.then(() => run());
  else void run();
}

$('save-file').addEventListener('click', () => {
  const name = store.state.scenario?.name ?? 'scenario';
  saveScenarioFile(editor.getText(), `${name.replace(/[^\w.-]+/g, '-').toLowerCase()}.json`);
  // the file is the scenario as edited: say so when the results on screen are not its own
  if (resultsMarker.stale) status.textContent = app.stale.save;
});
$('share').addEventListener('click', async () => {
  const scenario = store.state.scenario;
  if (!scenario) return;
  const settings = runSettings(scenario);
  let hash: string;
  try {
    hash = await encodeScenarioForUrl(editor.getText(), { replications: settings.replications, seed: settings.seed, precision: precisionForm.current() ?? undefined });
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = resultsMarker.stale ? app.stale.share : app.linkCopied;
  } catch {
    status.textContent = resultsMarker.stale ? app.stale.shareInAddressBar : app.linkInAddressBar;
  }
});
/** An export when the results are stale says whose results the file holds (they name their scenario and seed). */
function sayExportedStale(): void {
  if (resultsMarker.stale) status.textContent = app.stale.exported;
}
$('export-csv').addEventListener('click', () => {
  sayExportedStale();
  const result = store.state.result;
  if (result) downloadText(resultToCsv(result.value), downloadName(result.scenario, 'results', 'csv'), 'text/csv');
});
$('export-html').addEventListener('click', () => {
  sayExportedStale();
  const result = store.state.result;
  if (result) downloadText(viewAsHtml($('dashboard'), { ...result.scenario, name: scenarioTextShown(result.scenario).name }, result.value, { presenting: presentMode.on, note: precisionNote(result.precision) }), downloadName(result.scenario, 'view', 'html'), 'text/html');
});
$('export-json').addEventListener('click', () => {
  sayExportedStale();
  const result = store.state.result;
  if (result) downloadText(resultToJson(result.value), downloadName(result.scenario, 'results', 'json'), 'application/json');
});

// ------------------------------------------------------------------------------------------------
// the drawer (narrow screens)

// the side panel sticks under the top bar, whose height changes as it wraps (precision mode's row)
const topBar = document.querySelector<HTMLElement>('.top-bar')!;
new ResizeObserver(() => document.documentElement.style.setProperty('--top-bar-height', `${topBar.offsetHeight}px`)).observe(topBar);

function closeDrawer(): void {
  side.classList.remove('open');
  drawerToggle.setAttribute('aria-expanded', 'false');
}
$('drawer-close').addEventListener('click', () => {
  closeDrawer();
  drawerToggle.focus();
});
drawerToggle.addEventListener('click', () => {
  const open = !side.classList.contains('open');
  side.classList.toggle('open', open);
  drawerToggle.setAttribute('aria-expanded', String(open));
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && side.classList.contains('open')) closeDrawer();
});

// ------------------------------------------------------------------------------------------------
// start: a shared link's scenario, or the default one, and a first run

function applyStrings(): void {
  document.documentElement.lang = locale;
  const strings = app as unknown as Record<string, unknown>;
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = strings[element.dataset.i18n!];
    if (typeof text === 'string') element.textContent = text;
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const text = strings[element.dataset.i18nLabel!];
    if (typeof text === 'string') element.setAttribute('aria-label', text);
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    const text = strings[element.dataset.i18nTitle!];
    if (typeof text === 'string') element.title = text;
  }
}

/**
 * Opens the shared link in the address bar: its scenario, settings and a first run; or, when it
 * cannot be opened, a lasting notice and nothing else (running another scenario in its place would
 * pass that scenario's results off as the link's).
 */
async function openLink(): Promise<void> {
  const shared = await decodeScenarioFromUrl(location.hash);
  // the link's precision KPI must be one the app knows
  const problem = 'error' in shared ? shared.error : shared.precision && !(KPI_LIST as string[]).includes(shared.precision.kpi) ? editorStrings.share.badPrecision(shared.precision.kpi) : null;
  if (problem !== null || 'error' in shared) {
    // what was open before (in a tab the link was pasted into) stays, with its results: they match it
    store.update({ linkProblem: problem ?? editorStrings.share.damaged });
    return;
  }
  // a run under way is cancelled first
  if (store.state.run.status === 'running') controller?.abort();
  await currentRun;
  galleryList.setCurrent(null);
  currentGalleryPath = null;
  load(shared.text, { replications: shared.replications, seed: shared.seed });
  // a link made in precision mode runs in it (from the replications it used: the same result)
  precisionForm.set(shared.precision ?? null);
  showReplicationsHint();
  void run();
}

/** What was open, for the next load of this tab: the scenario as edited, its settings, and whether to run it. */
const whatIsOpen = (): CarryOver => ({
  text: editor.getText(),
  replications: replicationsInput.value,
  seed: seedInput.value,
  precision: precisionForm.current(),
  galleryPath: currentGalleryPath,
  run: (store.state.result !== null && !resultsMarker.stale) || store.state.run.status === 'running',
});
// the language switch: the page reloads in the language chosen, with what was open (and its run)
createLanguageSwitch($<HTMLSelectElement>('language'), whatIsOpen);
// the built app works offline; reloading into a new version brings back what was open, as above
startOffline($('app-notice'), { beforeReload: () => keepCarryOver(whatIsOpen()) });

async function start(): Promise<void> {
  // ?play=beer-game: the Beer Game behind, its mode open (with a shared game in the fragment)
  if (new URLSearchParams(location.search).get('play') === 'beer-game' && beerGameEntry) {
    const hash = location.hash;
    pick(beerGameEntry);
    return beerGameMode.open(hash);
  }
  const carried = takeCarryOver();
  if (carried) return reopen(carried);
  if (location.hash.includes('s=')) return openLink();
  // a short link to a gallery file, ?open=classroom/newsvendor (web/classroom/lessonLink.ts)
  const request = openRequest(location.search, gallery.map((candidate) => candidate.path));
  if (request && 'unknown' in request) {
    // as a shared link that cannot be opened: a lasting notice, and nothing run in its place
    const lessons = gallery.filter((candidate) => candidate.lesson).map((candidate) => shortName(candidate.path));
    store.update({ linkProblem: galleryStrings.lesson.unknown(request.unknown, lessons) });
    return;
  }
  const entry = gallery.find((candidate) => candidate.path === (request?.path ?? DEFAULT_SCENARIO)) ?? gallery[0];
  pick(entry);
}

/** What was open before a language switch, as it was: the scenario as edited, its settings, its run. */
function reopen(carried: NonNullable<ReturnType<typeof takeCarryOver>>): void {
  galleryList.setCurrent(carried.galleryPath);
  currentGalleryPath = carried.galleryPath;
  load(carried.text);
  replicationsInput.value = carried.replications;
  seedInput.value = carried.seed;
  // a KPI the app does not know (storage is data of unknown origin) is not one to run in precision mode
  precisionForm.set(carried.precision && (KPI_LIST as string[]).includes(carried.precision.kpi) ? carried.precision : null);
  showReplicationsHint();
  if (carried.run && store.state.scenario) void run();
}

// a link pasted into the address bar of an open tab changes only the fragment: open it as on arrival
// (Share writes the address bar with replaceState, which fires no hashchange)
window.addEventListener('hashchange', () => {
  if (location.hash.includes('s=')) void openLink();
});

void start();

/** What a run that failed says: the worker's error, or the scenario's problems. */
function failureMessage(outcome: { error: string } | { issues: ScenarioIssue[] }): string {
  // each problem in the page's language where the engine gave its facts (web/i18n sentences)
  return 'error' in outcome ? outcome.error : outcome.issues.map((issue) => `${issue.path}: ${sentences.scenarioIssue(issue)}`).join('; ');
}
