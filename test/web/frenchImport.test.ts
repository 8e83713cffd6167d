import { describe, expect, it } from 'vitest';
import { importFiles, type ImportFile, type ImportOptions } from '../../src/import/importFiles.ts';
import { file, longFile } from '../fixtures/importFiles.ts';
import type { ImportResult } from '../../src/import/importFiles.ts';
import { ImportError } from '../../src/import/table.ts';
import { sentences as english } from '../../web/i18n/en/sentences.ts';
import { sentences as french } from '../../web/i18n/fr/sentences.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';


/** the import twice, without and with facts: the English must not change */
async function both(demand: ImportFile, master?: ImportFile, options: ImportOptions = {}, locations?: ImportFile): Promise<ImportResult> {
  const plain = await importFiles(demand, master, options, locations);
  const detailed = await importFiles(demand, master, { ...options, details: true }, locations);
  expect(detailed.report.lines).toEqual(plain.report.lines);
  expect(detailed.report.notes.map((note) => note.reason)).toEqual(plain.report.notes.map((note) => note.reason));
  expect(detailed.summaries.map((s) => s.reason)).toEqual(plain.summaries.map((s) => s.reason));
  expect(plain.report.lineDetails).toBeUndefined();
  expect(plain.summaries.every((s) => s.reasonDetail === undefined)).toBe(true);
  return detailed;
}

const linesIn = (result: ImportResult, words: typeof french) => result.report.lines.map((line, i) => words.importLine(line, result.report.lineDetails?.[i]));

describe('the import report in French (web/i18n/fr/sentences.ts)', () => {
  it('words every summary line from its facts, and English stays the engine’s own', async () => {
    const result = await both(file('ventes.csv', longFile(182, { steady: () => 10, sparse: (d) => (d % 3 === 0 ? 4 : 0), never: () => 0 })), undefined, { leadTimeDays: 5 });
    // every line has its facts
    expect(result.report.lineDetails).toHaveLength(result.report.lines.length);
    expect(result.report.lineDetails!.every((detail) => detail !== null)).toBe(true);
    expect(linesIn(result, english)).toEqual(result.report.lines);
    expect(linesIn(result, french)).toEqual([
      `ventes.csv${NBSP}: format long (une ligne par date et par référence), 546${NBSP}lignes${NNBSP}; colonnes${NBSP}: date ← "date" (colonne 1), référence ← "sku" (colonne 2), site ← "location" (colonne 3), unités ← "units" (colonne 4), prix ← "price" (colonne 5)`,
      `ventes.csv${NBSP}: 3${NBSP}séries référence-site sur 182${NBSP}jours, du 1er${NBSP}janvier 2024 au 30${NBSP}juin 2024`,
      `jours de fermeture (aucune vente d’aucune référence)${NBSP}: fermé les dimanches (un profil hebdomadaire)${NNBSP}; 1${NBSP}autre jour de fermeture (un calendrier)${NBSP}: 1er${NBSP}mai 2024${NNBSP}; écartés de l’ajustement et modélisés comme fermés`,
      `classes de demande (Syntetos-Boylan-Croston, jours d’ouverture)${NBSP}: 1${NBSP}régulière, 1${NBSP}intermittente`,
      `modèles de demande (AIC le plus bas)${NBSP}: 1 constante, 1 empirique`,
      `1${NBSP}série référence-site sans aucune demande${NBSP}: écartée`,
      `délai d’approvisionnement${NBSP}: 2${NBSP}points de stock n’en ont aucun dans un fichier de référence${NBSP}: 5${NBSP}jours supposés (--lead-time JOURS, ou une colonne leadTime dans --master)`,
      `coût unitaire${NBSP}: 2${NBSP}références n’en ont aucun dans un fichier de référence${NBSP}: 60${NBSP}% du prix supposé (--cost-share, ou une colonne unitCost dans --master)`,
      `politique${NBSP}: 2${NBSP}points de stock n’en ont aucune dans un fichier de référence${NBSP}: (s, S) selon la règle des manuels, s = demande pendant le délai + z·σ pour un taux de service par cycle de 95${NBSP}%, S = s + QEC (ou deux semaines de demande sans coût de commande)`,
    ]);
  });

  it('words the Why column: a constant, a fit by AIC, a history never sold, a replay asked for', async () => {
    const result = await both(file('ventes.csv', longFile(120, { steady: () => 10, sparse: (d) => [0, 3, 0, 5, 1, 0][d % 6], never: () => 0, kept: (d) => d % 4 })), undefined, { replay: new Set(['kept']) });
    const why = Object.fromEntries(result.summaries.map((s) => [s.sku, french.importReason(s)]));
    expect(result.summaries.map((s) => english.importReason(s))).toEqual(result.summaries.map((s) => s.reason));
    // a shop shut on Sundays: the closed weekday is a weekly pattern, kept beside the constant
    expect(why.steady).toBe(`constante${NBSP}: la même demande (10) chaque jour${NNBSP}; profil hebdomadaire${NBSP}: conservé (AIC plus bas qu’une semaine uniforme)`);
    expect(why.sparse).toBe(`empirique${NBSP}: AIC le plus bas (260,8${NNBSP}; ensuite binomiale négative 345,2, intermittente (Croston) 352,7, normale (arrondie) 357,9, Poisson 410,6)`);
    expect(why.never).toBe(`aucune demande dans l’historique${NBSP}: écartée du scénario`);
    expect(why.kept).toBe('l’historique est rejoué, comme demandé');
  });

  it('says why a short history is replayed, with its days in the singular for 1', async () => {
    const result = await both(file('ventes.csv', 'date,sku,units\n2024-03-04,a,3\n'));
    expect(french.importReason(result.summaries[0])).toBe(`1${NBSP}jour d’ouverture à demande connue, moins que les 28 qu’un ajustement demande${NBSP}: l’historique est rejoué`);
  });

  it('words unreadable dates and the lines of a wide file', async () => {
    const rows = ['date,a,b,notes'];
    for (let d = 1; d <= 20; d++) rows.push(`2024-01-${String(d).padStart(2, '0')},${d % 3},${d % 5 === 0 ? '' : 2},x`);
    rows.push('2024-02-30,1,1,x', 'hier,1,1,x', '05/03/24,1,1,x', ',1,1,x');
    const result = await both(file('large.csv', rows.join('\n') + '\n'));
    const notes = result.report.notes.map((note) => french.importNote(note));
    expect(notes).toContain('date existante attendue, reçu "2024-02-30"');
    expect(notes).toContain('date attendue (2024-03-05, 05/03/2024 ou 03/05/2024), reçu "hier"');
    expect(notes).toContain('date avec une année à quatre chiffres attendue, reçu "05/03/24" (une année à deux chiffres peut être 19xx ou 20xx)');
    expect(notes).toContain('date attendue, cellule vide');
    const lines = linesIn(result, french);
    expect(lines).toContain(`large.csv${NBSP}: la colonne "notes" ne contient aucun nombre${NBSP}: ce n’est pas la demande d’une référence, elle est écartée`);
    expect(lines).toContain(`large.csv${NBSP}: format large (une colonne par référence), 2${NBSP}séries, 24${NBSP}lignes`);
  });

  it('words the SKU master’s lines and notes', async () => {
    const sales = longFile(60, { a: () => 3, b: () => 2 });
    const master = ['sku,unitCost,holding rate,lead time,policy,s,S', 'a,cheap,12%,abc,sS,40,10', 'a,1,,,,,', 'b,2,250%,3,magic,,', 'z,1,,,,,'].join('\n');
    const result = await both(file('ventes.csv', sales), file('articles.csv', master));
    const notes = result.report.notes.map((note) => french.importNote(note));
    expect(notes).toEqual([
      `coût unitaire supérieur ou égal à 0 attendu, reçu "cheap"${NNBSP}; valeur non utilisée`,
      `délai en jours supérieur ou égal à 0 attendu, reçu "abc"${NNBSP}; valeur non utilisée`,
      `politique "sS"${NBSP}: orderUpTo supérieur à reorderPoint attendu, reçu 40 et 10${NNBSP}; la règle des manuels est utilisée à la place`,
      `une deuxième ligne pour la référence "a"${NNBSP}; la première est utilisée`,
      `taux annuel attendu, en fraction du coût unitaire (0,25) ou en pourcentage (25${NBSP}%), reçu "250%"${NNBSP}; valeur non utilisée`,
      `politique attendue parmi sS (ou min-max), rQ, baseStock ou RS, reçu "magic"${NNBSP}; la règle des manuels est utilisée à la place`,
    ]);
    const lines = linesIn(result, french);
    expect(lines).toContain(`articles.csv${NBSP}: référentiel articles, 4${NBSP}lignes${NNBSP}; colonnes lues${NBSP}: unitCost, holdingRate, leadTime, policy, reorderPoint, orderUpTo`);
    expect(lines).toContain(`articles.csv${NBSP}: 1${NBSP}référence du référentiel n’a aucun historique de demande, écartée (z)`);
  });

  it('words the locations file’s lines and notes', async () => {
    const sales = longFile(60, { a: () => 3 }, 'lyon').replace(/\n/, '\n') + longFile(60, { a: () => 2 }, 'nice').split('\n').slice(1).join('\n');
    const locations = ['location,kind,supplied by,lead time', 'lyon,magasin,dc,x', 'lyon,store,,', 'dc,entrepôt,hub,', 'hub,warehouse,,', 'gare,kiosque,,', 'port,store,lyon,'].join('\n');
    const result = await both(file('ventes.csv', sales), undefined, {}, file('sites.csv', locations));
    const notes = result.report.notes.map((note) => french.importNote(note));
    expect(notes).toEqual([
      `délai en jours supérieur ou égal à 0 attendu, reçu "x"${NNBSP}; valeur non utilisée`,
      `une deuxième ligne pour le site "lyon"${NNBSP}; la première est utilisée`,
      'magasin ou entrepôt attendu (store, warehouse, DC, …), reçu "kiosque"',
      `entrepôt "dc" approvisionné par "hub"${NBSP}: un seul niveau d’entrepôts est importé, il est donc approvisionné par le fournisseur de chaque référence`,
      `"lyon" n’est pas un entrepôt de ce fichier${NNBSP}; le magasin est approvisionné par le fournisseur de chaque référence`,
    ]);
    const lines = linesIn(result, french);
    expect(lines).toContain(`sites.csv${NBSP}: 4${NBSP}sites, 2${NBSP}entrepôts${NNBSP}; 1${NBSP}magasin approvisionné par un entrepôt`);
    expect(lines).toContain(`sites.csv${NBSP}: 1${NBSP}site du fichier de demande n’y figure pas${NBSP}: traité comme un magasin approvisionné par le fournisseur de la référence (nice)`);
    expect(result.summaries.filter((s) => s.model === 'warehouse' || s.reasonDetail?.supplies).map((s) => french.importReason(s))).toEqual([
      `approvisionne 1${NBSP}magasin${NBSP}: sa demande quotidienne additionnée (moyenne 2,57), sur le délai du fournisseur`,
    ]);
  });

  it('words negative quantities, repeated rows and decimal commas', async () => {
    const rows = ['date;sku;units'];
    for (let d = 1; d <= 30; d++) rows.push(`2024-01-${String(d).padStart(2, '0')};a;${d % 2 ? '1,5' : '2'}`);
    rows.push('2024-01-03;a;-2', '2024-01-03;a;-2');
    const result = await both(file('ventes.csv', rows.join('\n') + '\n'), undefined, { rows: 'transactions' });
    const lines = linesIn(result, french);
    expect(lines).toContain(`ventes.csv${NBSP}: nombres lus avec une virgule décimale (6,5 vaut six et demi)`);
    expect(lines).toContain(`ventes.csv${NBSP}: 1${NBSP}ligne avec une quantité négative (retours, annulations${NNBSP}; 2${NBSP}unités)${NBSP}: écartée de la demande (--negatives net les soustrait, --negatives returns les transmet au modèle de retours)`);
    expect(lines).toContain(`ventes.csv${NBSP}: 1${NBSP}ligne répétée à l’identique, écartée (détail ci-dessous)`);
  });
});

describe('a file that cannot be read at all, in French', () => {
  /** the import's refusal, its English message unchanged, and the French from its facts */
  async function refusal(name: string, bytes: Uint8Array): Promise<{ english: string; french: string }> {
    try {
      await importFiles({ name, bytes }, undefined);
    } catch (error) {
      if (!(error instanceof ImportError) || error.detail === undefined) throw error;
      const facts = { file: error.file, problem: error.detail };
      expect(english.importError(error.message, facts)).toBe(error.message);
      return { english: error.message, french: french.importError(error.message, facts) };
    }
    throw new Error('the file should be refused');
  }

  it('words an empty file, UTF-16, a Windows-1252 export and an old workbook', async () => {
    expect(await refusal('vide.csv', new Uint8Array())).toEqual({ english: 'vide.csv: the file is empty', french: `vide.csv${NBSP}: le fichier est vide` });
    expect((await refusal('unicode.csv', new Uint8Array([0xff, 0xfe, 0x64, 0x00]))).french).toBe(
      `unicode.csv${NBSP}: le fichier est du texte UTF-16 («${NBSP}Texte Unicode${NBSP}» d’Excel)${NNBSP}; enregistrez-le en «${NBSP}CSV UTF-8 (délimité par des virgules)${NBSP}»`,
    );
    const latin1 = new Uint8Array([...new TextEncoder().encode('date,sku,units\n2024-01-01,caf'), 0xe9, ...new TextEncoder().encode(',3\n')]);
    expect((await refusal('ventes.csv', latin1)).french).toBe(
      `ventes.csv${NBSP}: le fichier n’est pas du texte UTF-8${NBSP}: les octets de la ligne 2 ne sont pas de l’UTF-8 (un export Windows «${NBSP}ANSI${NBSP}» ou Latin-1, où é tient sur un octet)${NNBSP}; enregistrez-le en «${NBSP}CSV UTF-8${NBSP}» (Excel${NBSP}: Enregistrer sous, CSV UTF-8), ou convertissez-le (iconv -f WINDOWS-1252 -t UTF-8)`,
    );
    expect((await refusal('ancien.xls', new Uint8Array([1, 2, 3]))).french).toBe(`ancien.xls${NBSP}: un ancien classeur Excel (.xls)${NNBSP}; ouvrez-le dans un tableur et enregistrez-le en .xlsx ou en CSV UTF-8`);
    expect((await refusal('entete.csv', new TextEncoder().encode('date,sku,units\n'))).french).toBe(`entete.csv${NBSP}: le fichier a un en-tête mais aucune ligne de données`);
  });

  it('shows the English where the facts did not come (a worker that does not send them)', () => {
    expect(french.importError('ventes.csv: something new', undefined)).toBe('ventes.csv: something new');
  });
});
