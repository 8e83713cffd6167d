import type { Role } from '../../src/import/columnRoles.ts';
import type { FilePreview } from '../../src/import/preview.ts';
import type { ImportResult } from '../../src/import/importFiles.ts';
import type { SeriesSummary } from '../../src/import/buildScenario.ts';
import type { RowNote } from '../../src/import/importReport.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import type { DemandCounts, ImportRequestOptions } from '../../src/worker/api.ts';
import { fitsCsv, openImportSession, reportCsv, type ImportSession } from '../worker/importClient.ts';
import { downloadText } from '../charts/export.ts';
import { importStrings as text, sentences } from '../i18n/strings.ts';
import { assignRole, columnRolesOf, dateReadings, exampleCell, mappingOf, type ColumnRoles } from './columnMapping.ts';
import { DEFAULTS, readOptions, type OptionField, type OptionFields } from './importOptions.ts';
import { canReplay, markReplay, marksChanged, replayOption } from './replaySelection.ts';
import { createPagedTable } from './pagedTable.ts';
import { fitBins } from './fitBins.ts';
import { renderDemandFit } from './demandFitChart.ts';

/**
 * The Import data wizard, in one modal dialog that scrolls: (1) the files (the sales history, and
 * optionally a SKU master and a locations file), picked or dropped, read only in this browser; (2) the
 * mapping, a workbook's sheet, a preview of the first rows with a role above each column,
 * the layout in words, the file's open questions (how its dates and decimal mark read) and the
 * options of `stocklab import` with its defaults; (3) the import in a Web Worker, its steps as
 * progress, Cancel at any time; (4) the report: summary, rows set aside, per-SKU decisions (SKUs
 * marked there to replay their history, then imported again), each SKU's fit against its history;
 * (5) Open the scenario, handed to the app as Open… would.
 */
export interface ImportWizard {
  open(): void;
}

const ROLES = Object.keys(text.roles) as Role[];

export function createImportWizard(options: { onOpen: (scenario: ScenarioInput) => void }): ImportWizard {
  let dialog: HTMLDialogElement | null = null;
  return {
    open() {
      dialog ??= build(options.onOpen);
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    },
  };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

function button(label: string, className?: string): HTMLButtonElement {
  const b = element('button', className, label);
  b.type = 'button';
  return b;
}

let fieldCounter = 0;
const uniqueId = (prefix: string) => `${prefix}-${++fieldCounter}`;

function build(onOpen: (scenario: ScenarioInput) => void): HTMLDialogElement {
  const dialog = element('dialog', 'import-dialog');
  dialog.id = 'import-dialog';
  const titleId = uniqueId('import-title');
  dialog.setAttribute('aria-labelledby', titleId);

  let session: ImportSession | null = null;
  const worker = () => (session ??= openImportSession());
  let demandFile: File | null = null;
  let masterFile: File | null = null;
  let locationsFile: File | null = null;
  /** the sheet of a workbook the user chose (undefined: the first with data, as the CLI without --sheet) */
  let sheetChoice: string | undefined;
  let preview: FilePreview | null = null;
  /** the SKUs ticked for replay in the report, and those the report shown was imported with */
  let replayMarks = new Set<string>();
  let appliedReplay = new Set<string>();
  let appliedReplayAll = false;
  let columns: ColumnRoles = [];
  let result: ImportResult | null = null;
  let counts: Promise<Map<string, DemandCounts> | null> | null = null;
  let busy = false;

  // ---- head
  const head = element('header', 'import-head');
  const title = element('h2', undefined, text.title);
  title.id = titleId;
  const close = button('✕', 'import-close');
  close.setAttribute('aria-label', text.close);
  close.addEventListener('click', () => dialog.close());
  head.append(title, close);
  const privacy = element('p', 'import-privacy', text.privacy);

  // ---- 1. files
  const filesSection = element('section', 'import-step import-files');
  filesSection.append(element('h3', undefined, text.filesTitle));
  const demandPick = filePicker('import-demand', text.demandLabel, text.demandHint, (file) => void pickDemand(file));
  demandPick.input.dataset.autofocus = '';
  const masterPick = filePicker('import-master', text.masterLabel, text.masterHint, (file) => {
    masterFile = file;
    masterPick.name.textContent = file ? text.chosen(file.name, file.size) : '';
    // a report shown is of the files as they were
    staleNote.hidden = result === null;
  });
  const locationsPick = filePicker('import-locations', text.locationsLabel, text.locationsHint, (file) => {
    locationsFile = file;
    locationsPick.name.textContent = file ? text.chosen(file.name, file.size) : '';
    staleNote.hidden = result === null;
  });
  const filesError = element('p', 'import-error');
  filesError.setAttribute('role', 'alert');
  filesError.hidden = true;
  filesSection.append(demandPick.zone, masterPick.zone, locationsPick.zone, filesError);

  // ---- 2. mapping and options
  const mappingSection = element('section', 'import-step import-mapping');
  mappingSection.hidden = true;
  // a workbook's sheets, when it has more than one: the preview and the import read the one chosen
  const sheetRow = element('label', 'import-option import-sheet');
  const sheetSelect = element('select', 'import-sheet-select');
  sheetSelect.id = uniqueId('import-sheet');
  const sheetHint = element('span', 'import-hint');
  sheetHint.id = uniqueId('import-sheet-hint');
  sheetSelect.setAttribute('aria-describedby', sheetHint.id);
  sheetRow.append(element('span', undefined, text.sheetLabel), sheetSelect, sheetHint);
  sheetRow.hidden = true;
  sheetSelect.addEventListener('change', () => {
    sheetChoice = sheetSelect.value;
    // another sheet is another table: its columns detected afresh, its own questions asked
    dateAnswer = null;
    decimalAnswer = null;
    void refreshPreview(null);
  });
  const layoutLine = element('p', 'import-layout');
  layoutLine.setAttribute('aria-live', 'polite');
  const questions = element('div', 'import-questions');
  const previewScroll = element('div', 'import-table-scroll import-preview-scroll');
  const previewTable = element('table', 'import-table import-preview');
  previewScroll.append(previewTable);
  const optionsBox = element('fieldset', 'import-options');
  const optionsForm = buildOptions(optionsBox);
  const importButton = button(text.importButton, 'primary import-go');
  const mappingError = element('p', 'import-error');
  mappingError.setAttribute('role', 'alert');
  mappingError.hidden = true;
  mappingSection.append(element('h3', undefined, text.mappingTitle), element('p', 'import-help', text.mappingHelp), sheetRow, layoutLine, questions, previewScroll, optionsBox, mappingError, importButton);

  // ---- 3. progress
  const progressRow = element('div', 'import-progress');
  progressRow.hidden = true;
  const progressBar = element('progress');
  progressBar.id = uniqueId('import-progress-bar');
  const progressText = element('span', 'import-progress-text');
  progressText.setAttribute('role', 'status');
  progressText.setAttribute('aria-live', 'polite');
  progressBar.setAttribute('aria-label', text.progressLabel);
  const cancel = button(text.cancel, 'import-cancel');
  progressRow.append(progressBar, progressText, cancel);
  const progressNote = element('p', 'import-progress-note');
  progressNote.setAttribute('role', 'status');
  progressNote.hidden = true;

  // ---- 4. report
  const reportSection = element('section', 'import-step import-report');
  reportSection.hidden = true;
  const summaryList = element('ul', 'import-summary');
  const reportCounts = element('p', 'import-counts');
  const downloads = element('div', 'import-downloads');
  const downloadReport = button(text.downloadReport);
  const downloadFits = button(text.downloadFits);
  downloads.append(downloadReport, downloadFits);
  const notesTable = createPagedTable<RowNote>({
    className: 'import-notes',
    caption: text.notesCaption,
    columns: [text.noteColumns.file, text.noteColumns.row, text.noteColumns.column, text.noteColumns.status, text.noteColumns.reason],
    cells: (note) => [note.file, String(note.row), note.column ?? '', text.noteStatus[note.status], sentences.importNote(note)],
  });
  const skuTable = createPagedTable<SeriesSummary>({
    className: 'import-skus',
    caption: text.skusCaption,
    columns: [text.skuColumns.sku, text.skuColumns.location, text.skuColumns.class, text.skuColumns.model, text.skuColumns.replay, text.skuColumns.why, text.skuColumns.policy],
    // the Replay box beside the model it replaces (the Why column is long: a last column would be scrolled out of view)
    cells: (s) => [s.sku, s.location, s.demandClass ? text.classes[s.demandClass] : '–', text.modelName(s.model), replayCell(s), sentences.importReason(s), text.policy(s.policy, s.policySource)],
    onRow: (summary) => void showFit(summary),
    rowLabel: (s) => text.showFitOf(s.sku, s.location),
  });
  const replayHelp = element('p', 'import-hint', text.replayHelp);
  // marks not yet imported: said, with the button that imports them
  const replayRow = element('div', 'import-replay-row');
  const replayNote = element('p', 'import-replay-note');
  replayNote.setAttribute('role', 'status');
  const replayApply = button(text.replayApply, 'import-replay-apply');
  replayApply.addEventListener('click', () => void runImport());
  replayRow.append(replayNote, replayApply);
  replayRow.hidden = true;
  const fitBox = element('div', 'import-fit');
  fitBox.setAttribute('aria-live', 'polite');
  const openRow = element('div', 'import-open-row');
  const openButton = button(text.openScenario, 'primary import-open');
  const nothing = element('p', 'import-error import-nothing', text.nothingUsable);
  nothing.setAttribute('role', 'alert');
  nothing.hidden = true;
  openRow.append(openButton);
  const staleNote = element('p', 'import-stale', text.optionsChanged);
  staleNote.setAttribute('role', 'status');
  staleNote.hidden = true;
  // options changed after an import: the report (and the scenario Open would load) are of the old ones
  for (const kind of ['input', 'change']) optionsBox.addEventListener(kind, () => (staleNote.hidden = result === null));
  reportSection.append(element('h3', undefined, text.reportTitle), summaryList, reportCounts, downloads, notesTable.element, replayHelp, skuTable.element, replayRow, fitBox, nothing, staleNote, openRow);

  dialog.append(head, privacy, filesSection, mappingSection, progressRow, progressNote, reportSection);
  document.body.append(dialog);

  // drag and drop anywhere on the dialog: the demand file, then (a second drop, or two or three files)
  // the master and the locations file; a drop on a zone is that zone's file
  dialog.addEventListener('dragover', (event) => {
    event.preventDefault();
    dialog.classList.add('dragging');
  });
  dialog.addEventListener('dragleave', (event) => {
    if (event.target === dialog) dialog.classList.remove('dragging');
  });
  dialog.addEventListener('drop', (event) => {
    event.preventDefault();
    dialog.classList.remove('dragging');
    if (busy) return;
    const files = [...(event.dataTransfer?.files ?? [])];
    const zone = (event.target as HTMLElement).closest('.import-drop');
    if (zone === masterPick.zone && files[0]) masterPick.set(files[0]);
    else if (zone === locationsPick.zone && files[0]) locationsPick.set(files[0]);
    else if (files[0]) {
      demandPick.set(files[0]);
      if (files[1]) masterPick.set(files[1]);
      if (files[2]) locationsPick.set(files[2]);
    }
  });
  // Escape closes (the dialog's own cancel event); whatever runs in the worker stops with it
  dialog.addEventListener('close', () => {
    session?.close();
    session = null;
    setBusy(false);
  });

  // ---- behaviour

  function setBusy(on: boolean, step?: string): void {
    busy = on;
    progressRow.hidden = !on;
    if (on) {
      progressBar.removeAttribute('value');
      progressText.textContent = step ?? '';
      progressNote.hidden = true;
    }
    importButton.disabled = on || !ready();
    demandPick.input.disabled = on;
    masterPick.input.disabled = on;
    locationsPick.input.disabled = on;
    sheetSelect.disabled = on;
    replayApply.disabled = on;
    for (const select of previewTable.querySelectorAll('select')) select.disabled = on;
    for (const box of skuTable.element.querySelectorAll<HTMLInputElement>('input.import-replay')) box.disabled = on || appliedReplayAll;
  }

  function cancelled(): void {
    progressNote.textContent = text.cancelled;
    progressNote.hidden = false;
  }
  cancel.addEventListener('click', () => {
    session?.cancel();
    session = null;
  });

  async function pickDemand(file: File | null): Promise<void> {
    demandFile = file;
    demandPick.name.textContent = file ? text.chosen(file.name, file.size) : '';
    // a new file asks its own questions
    dateAnswer = null;
    decimalAnswer = null;
    sheetChoice = undefined;
    sheetRow.hidden = true;
    preview = null;
    result = null;
    reportSection.hidden = true;
    mappingSection.hidden = true;
    filesError.hidden = true;
    if (!file) return;
    await refreshPreview(null);
  }

  /** Reads the preview again with the mapping the selects show (null: the detection alone). */
  async function refreshPreview(mapping: Partial<Record<Role, string>> | null): Promise<void> {
    if (!demandFile) return;
    abandonCounts();
    // the report was of the columns as they were: gone with them
    reportSection.hidden = true;
    result = null;
    // marks of SKUs of the table as it was: not sent, unseen, with another one
    replayMarks = new Set();
    appliedReplay = new Set();
    progressNote.hidden = true;
    setBusy(true, text.stepPreview(demandFile.name));
    const answer = await worker().preview(demandFile, mapping ?? {}, sheetChoice);
    setBusy(false);
    if ('cancelled' in answer) return cancelled();
    if (!answer.ok && sheetChoice !== undefined && !sheetRow.hidden) {
      // the workbook reads, this sheet of it does not (empty, too large): the others can still be chosen
      preview = null;
      layoutLine.textContent = text.cannotReadSheet(sentences.importError(answer.error, answer.errorFacts));
      previewTable.replaceChildren();
      questions.replaceChildren();
      questions.hidden = true;
      importButton.disabled = true;
      return;
    }
    if (!answer.ok) {
      filesError.textContent = text.cannotRead(sentences.importError(answer.error, answer.errorFacts));
      filesError.hidden = false;
      mappingSection.hidden = true;
      return;
    }
    filesError.hidden = true;
    preview = answer.preview;
    if (mapping === null) columns = columnRolesOf(preview);
    showMapping(preview);
    mappingSection.hidden = false;
    if (mapping === null) layoutLine.scrollIntoView?.({ block: 'nearest' });
  }

  function showMapping(p: FilePreview): void {
    const sheets = p.sheets ?? [];
    sheetRow.hidden = sheets.length < 2;
    if (sheets.length >= 2) {
      sheetSelect.replaceChildren(...sheets.map((name) => Object.assign(element('option', undefined, name), { value: name })));
      sheetSelect.value = p.sheet ?? sheets[0];
      sheetHint.textContent = text.sheetHint(sheets.length);
    }
    layoutLine.textContent = text.layout(p.layout, p.rowCount, p.format === 'xlsx' ? p.sheet : undefined);
    // the table: a role select above each column, the column's name, then the first rows
    const thead = element('thead');
    const selectRow = element('tr', 'import-role-row');
    const nameRow = element('tr');
    p.header.forEach((name, index) => {
      const th = element('th');
      const select = element('select', 'import-role');
      select.setAttribute('aria-label', text.roleOf(name));
      select.dataset.column = name;
      const none = element('option', undefined, text.roleNone);
      none.value = '';
      select.append(none);
      for (const role of ROLES) {
        const option = element('option', undefined, text.roles[role]);
        option.value = role;
        select.append(option);
      }
      select.value = columns[index] ?? '';
      select.addEventListener('change', () => {
        columns = assignRole(columns, index, (select.value || null) as Role | null);
        void refreshPreview(mappingOf(p.header, columns, ROLES));
      });
      th.append(select);
      selectRow.append(th);
      const nameCell = element('th', undefined, name);
      nameCell.scope = 'col';
      nameRow.append(nameCell);
    });
    thead.append(selectRow, nameRow);
    const tbody = element('tbody');
    for (const row of p.rows) {
      const tr = element('tr');
      for (const cell of row.cells) tr.append(element('td', undefined, cell));
      tbody.append(tr);
    }
    const caption = element('caption', undefined, text.previewCaption(Math.min(p.rows.length, p.rowCount), p.rowCount));
    previewTable.replaceChildren(caption, thead, tbody);
    showQuestions(p);
    importButton.disabled = busy || !ready();
  }

  /** The file's open questions, asked in its own words; an answer is kept while the file stays. */
  let dateAnswer: 'dmy' | 'mdy' | null = null;
  let decimalAnswer: 'comma' | 'point' | null = null;
  function showQuestions(p: FilePreview): void {
    questions.replaceChildren();
    if (p.dates?.format === 'ambiguous') {
      // a date the two readings tell apart (05/03, not 05/05), so the question shows what is at stake
      const differs = (cell: string) => {
        const readings = dateReadings(cell);
        return readings !== null && readings.dmy.getTime() !== readings.mdy.getTime();
      };
      const example = exampleCell(p, p.roles.date, differs) ?? '05/03/2024';
      const readings = dateReadings(example)!;
      questions.append(
        radioQuestion('import-date-format', text.dateQuestion(example), [
          { value: 'dmy', label: text.dateReading(readings.dmy) },
          { value: 'mdy', label: text.dateReading(readings.mdy) },
        ], dateAnswer, (value) => {
          dateAnswer = value as 'dmy' | 'mdy';
          importButton.disabled = busy || !ready();
        }),
      );
    } else if (p.dates?.format === 'mixed') {
      questions.append(element('p', 'import-error', text.datesMixed));
    }
    if (p.decimal === 'ambiguous') {
      const units = p.roles.units;
      // a number whose reading is plain to see (6,5 rather than 0,5)
      const example = exampleCell(p, units, (cell) => /^\s*-?[1-9]\d*,\d+\s*$/.test(cell)) ?? exampleCell(p, units, (cell) => /^\s*-?\d+,\d+\s*$/.test(cell)) ?? '6,5';
      questions.append(
        radioQuestion('import-decimal', text.decimalQuestion(example), [
          { value: 'comma', label: text.decimalComma(example) },
          { value: 'point', label: text.decimalPoint(example) },
        ], decimalAnswer, (value) => {
          decimalAnswer = value as 'comma' | 'point';
          importButton.disabled = busy || !ready();
        }),
      );
    }
    questions.hidden = questions.childElementCount === 0;
  }

  /** Whether the import can start: a date column, and every question answered. */
  function ready(): boolean {
    if (!preview || !demandFile) return false;
    if (preview.layout === 'no date column' || preview.dates?.format === 'mixed') return false;
    if (preview.dates?.format === 'ambiguous' && dateAnswer === null) return false;
    if (preview.decimal === 'ambiguous' && decimalAnswer === null) return false;
    return true;
  }

  importButton.addEventListener('click', () => void runImport());

  async function runImport(): Promise<void> {
    if (!demandFile || !preview || !ready()) return;
    const read = readOptions(optionsForm.values());
    optionsForm.showProblems(read.ok ? {} : read.problems);
    if (!read.ok) {
      mappingError.textContent = text.fixOptions;
      mappingError.hidden = false;
      return;
    }
    mappingError.hidden = true;
    const request: ImportRequestOptions = {
      ...read.options,
      mapping: mappingOf(preview.header, columns, ROLES),
      ...(preview.sheet ? { sheet: preview.sheet } : {}),
      ...(preview.dates?.format === 'ambiguous' && dateAnswer ? { dateFormat: dateAnswer } : {}),
      ...(preview.decimal === 'ambiguous' && decimalAnswer ? { decimal: decimalAnswer } : {}),
      ...replayOption(replayMarks),
      // the facts of the report's lines, notes and reasons, so the wizard words them in the page's language
      details: true,
    };
    const marks = new Set(replayMarks);
    abandonCounts();
    reportSection.hidden = true;
    result = null;
    counts = null;
    const started = performance.now();
    const steps = 2 + (masterFile ? 1 : 0) + (locationsFile ? 1 : 0);
    let step = 0;
    let stepName = '';
    const show = () => {
      if (busy && step > 0) progressText.textContent = text.step(step, steps, text.stepName(stepName), (performance.now() - started) / 1000);
    };
    setBusy(true, text.stepPreparing);
    // the time spent keeps counting between steps, so a long read does not look stuck
    const ticker = setInterval(show, 1000);
    const answer = await worker().run(
      demandFile,
      masterFile ?? undefined,
      request,
      (name) => {
        step = Math.min(steps, step + 1);
        stepName = name;
        show();
      },
      locationsFile ?? undefined,
    );
    clearInterval(ticker);
    setBusy(false);
    if ('cancelled' in answer) return cancelled();
    if (!answer.ok) {
      mappingError.textContent = text.cannotImport(sentences.importError(answer.error, answer.errorFacts));
      mappingError.hidden = false;
      return;
    }
    result = answer.result;
    appliedReplay = marks;
    appliedReplayAll = request.demand === 'replay';
    progressNote.textContent = text.imported((performance.now() - started) / 1000);
    progressNote.hidden = false;
    showReport(answer.result);
    // the histories for the fit charts, read again in the background while the report is read
    countsPending = true;
    counts = worker()
      .counts()
      .then((reply) => ('cancelled' in reply || !reply.ok ? null : new Map(reply.counts.map((c) => [`${c.sku}\u0001${c.location}`, c]))))
      .finally(() => (countsPending = false));
  }

  /**
   * The background reading for the charts is dropped (its worker stopped) when the worker is needed
   * for something the user asked for now: a new preview or import would otherwise wait behind it.
   */
  let countsPending = false;
  function abandonCounts(): void {
    if (!countsPending) return;
    session?.cancel();
    session = null;
    countsPending = false;
  }

  function showReport(r: ImportResult): void {
    summaryList.replaceChildren(...r.report.lines.map((line, i) => element('li', undefined, sentences.importLine(line, r.report.lineDetails?.[i]))));
    const rejected = r.report.notes.filter((note) => note.status === 'rejected').length;
    reportCounts.textContent = text.noteCounts(rejected, r.report.notes.length - rejected);
    notesTable.show(r.report.notes);
    downloadReport.disabled = false;
    downloadFits.disabled = r.summaries.length === 0;
    skuTable.show(r.summaries);
    fitBox.replaceChildren();
    nothing.hidden = r.scenario !== null;
    staleNote.hidden = true;
    replayHelp.hidden = r.summaries.length === 0 || appliedReplayAll;
    showReplayNote();
    openButton.disabled = r.scenario === null;
    reportSection.hidden = false;
    reportSection.scrollIntoView?.({ block: 'start' });
  }

  /**
   * The Replay cell of a report row: a checkbox for the SKU (at every location, as `--replay`), ticked
   * for the SKUs marked, all ticked and off when every history is replayed; none for a warehouse's
   * row or a SKU never sold. The Model column says which histories the scenario replays.
   */
  function replayCell(summary: SeriesSummary): Node | string {
    if (!canReplay(summary)) return '';
    const box = element('input', 'import-replay');
    box.type = 'checkbox';
    box.dataset.sku = summary.sku;
    box.checked = appliedReplayAll || replayMarks.has(summary.sku);
    box.disabled = busy || appliedReplayAll;
    box.setAttribute('aria-label', text.replayOf(summary.sku));
    box.addEventListener('change', () => {
      replayMarks = markReplay(replayMarks, summary.sku, box.checked);
      // the SKU's other rows on this page follow (the other pages are drawn from the marks)
      for (const other of skuTable.element.querySelectorAll<HTMLInputElement>('input.import-replay')) if (other.dataset.sku === summary.sku) other.checked = box.checked;
      showReplayNote();
    });
    return box;
  }

  function showReplayNote(): void {
    const pending = result !== null && marksChanged(replayMarks, appliedReplay);
    replayRow.hidden = !pending;
    replayNote.textContent = pending ? text.replayPending(replayMarks.size) : '';
  }

  downloadReport.addEventListener('click', () => {
    if (result) downloadText(reportCsv(result.report), text.reportFileName(demandFile?.name ?? 'data'), 'text/csv');
  });
  downloadFits.addEventListener('click', () => {
    if (result) downloadText(fitsCsv(result.summaries), text.fitsFileName(demandFile?.name ?? 'data'), 'text/csv');
  });

  async function showFit(summary: SeriesSummary): Promise<void> {
    if (!result?.scenario) return;
    const scenario = result.scenario;
    fitBox.replaceChildren(element('p', 'chart-note', text.readingHistory));
    const all = await counts;
    const history = all?.get(`${summary.sku}\u0001${summary.location}`);
    if (!history) {
      fitBox.replaceChildren(element('p', 'chart-note', text.noHistory));
      return;
    }
    const entry = scenario.demand?.find((d) => d.node === summary.nodeId && d.product === summary.productId);
    const fitted = entry?.type === 'perPeriod' ? entry.quantity : null;
    const bins = fitBins(history, fitted);
    const days = history.days.reduce((a, b) => a + b, 0);
    const pattern = entry?.type === 'perPeriod' && entry.seasonality !== undefined;
    const host = element('div', 'import-fit-chart');
    fitBox.replaceChildren(host);
    renderDemandFit(host, bins, {
      sku: summary.sku,
      location: summary.location,
      model: fitted ? text.modelName(summary.model) : null,
      days,
      note: fitted === null ? text.replayedNote : pattern ? text.patternNote : undefined,
    });
  }

  openButton.addEventListener('click', () => {
    if (!result?.scenario) {
      nothing.hidden = false;
      return;
    }
    const scenario = result.scenario;
    dialog.close();
    onOpen(scenario);
  });

  return dialog;
}

/** A file input in a drop zone, with the chosen file's name under it. */
function filePicker(id: string, label: string, hint: string, onPick: (file: File | null) => void) {
  const zone = element('div', 'import-drop');
  const input = element('input');
  input.type = 'file';
  input.id = id;
  input.accept = '.csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const labelElement = element('label', 'import-drop-label', label);
  labelElement.htmlFor = id;
  const hintElement = element('p', 'import-hint', hint);
  hintElement.id = `${id}-hint`;
  input.setAttribute('aria-describedby', hintElement.id);
  const name = element('p', 'import-chosen');
  name.setAttribute('aria-live', 'polite');
  zone.append(labelElement, input, hintElement, name);
  input.addEventListener('change', () => onPick(input.files?.[0] ?? null));
  return {
    zone,
    input,
    name,
    set(file: File) {
      onPick(file);
    },
  };
}

function radioQuestion(name: string, question: string, choices: { value: string; label: string }[], current: string | null, onAnswer: (value: string) => void): HTMLFieldSetElement {
  const fieldset = element('fieldset', 'import-question');
  fieldset.append(element('legend', undefined, question));
  for (const choice of choices) {
    const label = element('label');
    const input = element('input');
    input.type = 'radio';
    input.name = name;
    input.value = choice.value;
    input.checked = current === choice.value;
    input.addEventListener('change', () => onAnswer(choice.value));
    label.append(input, ` ${choice.label}`);
    fieldset.append(label);
  }
  return fieldset;
}

/** The options of `stocklab import`, with its defaults as placeholders. */
function buildOptions(box: HTMLFieldSetElement) {
  box.append(element('legend', undefined, text.optionsTitle));
  const errors = new Map<OptionField, HTMLElement>();
  const inputs = new Map<OptionField, HTMLInputElement>();
  const select = (label: string, choices: Record<string, string>, initial: string) => {
    const wrapper = element('label', 'import-option');
    const s = element('select');
    for (const [value, words] of Object.entries(choices)) {
      const option = element('option', undefined, words);
      option.value = value;
      s.append(option);
    }
    s.value = initial;
    wrapper.append(element('span', undefined, label), s);
    box.append(wrapper);
    return s;
  };
  const field = (key: OptionField, label: string, placeholder: string, unit?: string) => {
    const wrapper = element('label', 'import-option');
    const input = element('input');
    input.type = 'text';
    input.name = key;
    input.placeholder = placeholder;
    input.autocomplete = 'off';
    input.spellcheck = false;
    const error = element('span', 'field-error');
    error.id = uniqueId(`import-${key}-error`);
    error.hidden = true;
    input.setAttribute('aria-describedby', error.id);
    wrapper.append(element('span', undefined, label), input, ...(unit ? [element('span', 'import-unit', unit)] : []), error);
    box.append(wrapper);
    inputs.set(key, input);
    errors.set(key, error);
    return input;
  };
  const negatives = select(text.options.negatives, text.options.negativesChoices, 'ignore');
  const demand = select(text.options.demand, text.options.demandChoices, 'fit');
  const unmet = select(text.options.unmet, text.options.unmetChoices, 'lost');
  const rows = select(text.options.rows, text.options.rowsChoices, 'auto');
  const location = field('location', text.options.location, DEFAULTS.location);
  const leadTime = field('leadTime', text.options.leadTime, String(DEFAULTS.leadTime), text.options.days);
  const service = field('service', text.options.service, String(DEFAULTS.service), '%');
  const holdingRate = field('holdingRate', text.options.holdingRate, String(DEFAULTS.holdingRate));
  const costShare = field('costShare', text.options.costShare, String(DEFAULTS.costShare));
  const duplicates = element('label', 'import-option import-check');
  const keep = element('input');
  keep.type = 'checkbox';
  duplicates.append(keep, ` ${text.options.keepDuplicates}`);
  box.append(duplicates);
  const warehouse = field('warehouse', text.options.warehouse, text.options.warehousePlaceholder);
  const transferDays = field('transferDays', text.options.transferDays, String(DEFAULTS.transferDays), text.options.days);
  box.append(element('p', 'import-hint', text.options.warehouseHint));
  // the scenario's own settings, as the editor shows them once it is open
  box.append(element('h4', 'import-options-group', text.options.scenarioTitle));
  const name = field('name', text.options.name, text.options.namePlaceholder);
  const currency = field('currency', text.options.currency, DEFAULTS.currency);
  const horizonDays = field('horizonDays', text.options.horizonDays, String(DEFAULTS.horizonDays), text.options.days);
  const replications = field('replications', text.options.replications, String(DEFAULTS.replications));
  const seed = field('seed', text.options.seed, DEFAULTS.seed);
  box.append(element('p', 'import-hint', text.options.defaultsNote));
  return {
    values(): OptionFields {
      return {
        negatives: negatives.value as OptionFields['negatives'],
        demand: demand.value as OptionFields['demand'],
        unmet: unmet.value as OptionFields['unmet'],
        rows: rows.value as OptionFields['rows'],
        keepDuplicates: keep.checked,
        location: location.value,
        leadTime: leadTime.value,
        service: service.value,
        holdingRate: holdingRate.value,
        costShare: costShare.value,
        name: name.value,
        warehouse: warehouse.value,
        transferDays: transferDays.value,
        currency: currency.value,
        horizonDays: horizonDays.value,
        replications: replications.value,
        seed: seed.value,
      };
    },
    showProblems(problems: Partial<Record<OptionField, keyof typeof text.optionProblems>>) {
      for (const [key, error] of errors) {
        const problem = problems[key];
        error.hidden = problem === undefined;
        error.textContent = problem ? text.optionProblems[problem] : '';
        inputs.get(key)!.setAttribute('aria-invalid', String(problem !== undefined));
      }
    },
  };
}
