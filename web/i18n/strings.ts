import { locale } from './locale.ts';
import * as enApp from './en/app.ts';
import * as frApp from './fr/app.ts';
import * as enCharts from './en/charts.ts';
import * as frCharts from './fr/charts.ts';
import * as enEditor from './en/editor.ts';
import * as frEditor from './fr/editor.ts';
import * as enGallery from './en/gallery.ts';
import * as frGallery from './fr/gallery.ts';
import * as enImport from './en/import.ts';
import * as frImport from './fr/import.ts';
import * as enNames from './en/names.ts';
import * as frNames from './fr/names.ts';
import * as enOptimize from './en/optimize.ts';
import * as frOptimize from './fr/optimize.ts';
import * as enPicker from './en/picker.ts';
import * as enRecommend from './en/recommend.ts';
import * as frRecommend from './fr/recommend.ts';
import * as frPicker from './fr/picker.ts';
import * as enResults from './en/results.ts';
import * as frResults from './fr/results.ts';
import * as enSentences from './en/sentences.ts';
import * as frSentences from './fr/sentences.ts';
import * as enSensitivity from './en/sensitivity.ts';
import * as frSensitivity from './fr/sensitivity.ts';
import * as enSweep from './en/sweep.ts';
import * as frSweep from './fr/sweep.ts';
import * as enStepper from './en/stepper.ts';
import * as enEchelons from './en/echelons.ts';
import * as frEchelons from './fr/echelons.ts';
import * as frStepper from './fr/stepper.ts';
import * as enWorker from './en/worker.ts';
import * as enBeerGame from './en/beerGame.ts';
import * as frBeerGame from './fr/beerGame.ts';
import * as frWorker from './fr/worker.ts';
import * as enWarnings from './en/warnings.ts';
import * as frWarnings from './fr/warnings.ts';

/**
 * Every user-facing string of the app, in the page's language (web/i18n/locale.ts). The app imports
 * its strings from here, never from a language's file: English (web/i18n/en/) is the reference every
 * other language is typed against, so a missing or misspelt key in French fails the type check, and
 * test/web/i18nParity*.test.ts checks what types cannot (placeholders, numbers, typography).
 */
const french = locale === 'fr';
const pick = <T>(en: T, fr: T): T => (french ? fr : en);

export const { app, formatDuration } = pick<typeof enApp>(enApp, frApp);
export const { charts } = pick<typeof enCharts>(enCharts, frCharts);
export const { editorStrings } = pick<Pick<typeof enEditor, 'editorStrings'>>(enEditor, frEditor);
export const { galleryStrings } = pick<typeof enGallery>(enGallery, frGallery);
export const { importStrings } = pick<typeof enImport>(enImport, frImport);
export const { policyTypeLabels, policyParameterLabels, parameterLabel, policyTypeLabel, fieldLabels, humanPath, issueLocation, issueLine } = pick<typeof enNames>(enNames, frNames);
export const { optimize } = pick<typeof enOptimize>(enOptimize, frOptimize);
export const { recommend } = pick<typeof enRecommend>(enRecommend, frRecommend);
export const { picker } = pick<Pick<typeof enPicker, 'picker'>>(enPicker, frPicker);
export const { results } = pick<typeof enResults>(enResults, frResults);
export const { sentences } = pick<Pick<typeof enSentences, 'sentences'>>(enSentences, frSentences);
export const { sensitivity } = pick<typeof enSensitivity>(enSensitivity, frSensitivity);
export const { sweep } = pick<typeof enSweep>(enSweep, frSweep);
export const { workerStrings } = pick<typeof enWorker>(enWorker, frWorker);
export const { stepper: stepperStrings, daySentence } = pick<typeof enStepper>(enStepper, frStepper);
export const { echelons: echelonStrings } = pick<typeof enEchelons>(enEchelons, frEchelons);
export const { beerGame: beerGameStrings } = pick<typeof enBeerGame>(enBeerGame, frBeerGame);
export const { modelWarnings: modelWarningStrings } = pick<typeof enWarnings>(enWarnings, frWarnings);

export type { ChartsText } from './en/charts.ts';
export type { EditorStrings } from './en/editor.ts';
export type { PickerText } from './en/picker.ts';
