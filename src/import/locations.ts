import type { Distribution } from '../scenario/schema.ts';
import { listOf, quoted } from '../scenario/issues.ts';
import { foldName } from './columnRoles.ts';
import { addLine, count, type ImportReport, type RowDetail } from './importReport.ts';
import { readNumber } from './numbers.ts';
import { cellText, ImportError, type Table } from './table.ts';

/**
 * A locations file: which locations are stores and which warehouses, and who supplies each store (a
 * warehouse of the file, or, left empty, the SKU's supplier). One level of warehouses: a warehouse is
 * supplied by the SKU's supplier. An optional lead time is the transfer time to that store, in days.
 */
export interface LocationFacts {
  kind: 'store' | 'warehouse';
  /** the warehouse (a location of the file) that supplies this store */
  suppliedBy?: string;
  /** days from the supplying warehouse to this store */
  leadTime?: Distribution;
}

const COLUMNS = {
  id: ['id', 'location', 'locationid', 'site', 'store', 'magasin', 'lieu', 'standort', 'name', 'nom'],
  kind: ['kind', 'type', 'locationtype', 'role', 'typologie', 'art'],
  suppliedBy: ['suppliedby', 'supplier', 'source', 'from', 'parent', 'approvisionnepar', 'approvisionnement', 'belieferdurch'],
  leadTime: ['leadtime', 'leadtimedays', 'transferdays', 'transfertime', 'delai', 'delaitransfert', 'lieferzeit'],
} as const;

const STORE_WORDS = new Set(['store', 'shop', 'magasin', 'boutique', 'filiale', 'retail', 'pointdevente', 'laden', 'geschaft', 'geschaeft']);
const WAREHOUSE_WORDS = new Set(['warehouse', 'dc', 'distributioncenter', 'distributioncentre', 'depot', 'entrepot', 'plateforme', 'lager', 'zentrallager']);

export function readLocations(table: Table, report: ImportReport): Map<string, LocationFacts> {
  const folded = table.header.map(foldName);
  const column = (names: readonly string[]) => folded.findIndex((name) => names.includes(name));
  const id = column(COLUMNS.id);
  const kind = column(COLUMNS.kind);
  const suppliedBy = column(COLUMNS.suppliedBy);
  const leadTime = column(COLUMNS.leadTime);
  if (id < 0) throw new ImportError(table.file, `no location column (columns: ${listOf(table.header, 12, (name) => quoted(name, 30))}); name one id, location or site`);
  if (kind < 0) throw new ImportError(table.file, `no kind column saying store or warehouse (columns: ${listOf(table.header, 12, (name) => quoted(name, 30))}); name one kind`);
  const locations = new Map<string, LocationFacts>();
  const pending: { row: number; location: string; by: string }[] = [];
  table.rows.forEach((row, i) => {
    const rowNumber = table.rowNumbers[i];
    const note = (columnIndex: number, reason: string, status: 'kept' | 'rejected', detail: RowDetail) => {
      report.notes.push({ file: table.file, row: rowNumber, column: columnIndex >= 0 ? table.header[columnIndex] : undefined, status, reason, ...(report.details ? { detail } : {}) });
      count(report, status === 'kept' ? 'remarks' : 'rejectedRows');
    };
    const name = cellText(row[id]).trim();
    if (name === '') return note(id, 'expected a location, got an empty cell', 'rejected', { kind: 'emptyCell', expected: 'location' });
    if (locations.has(name)) return note(id, `a second row for location ${quoted(name, 30)}; the first is used`, 'rejected', { kind: 'secondEntry', what: 'location', name: quoted(name, 30) });
    const word = foldName(cellText(row[kind]));
    const facts: LocationFacts | null = STORE_WORDS.has(word) ? { kind: 'store' } : WAREHOUSE_WORDS.has(word) ? { kind: 'warehouse' } : null;
    if (!facts) return note(kind, `expected store or warehouse (magasin, entrepôt, DC, …), got ${quoted(cellText(row[kind]), 20)}`, 'rejected', { kind: 'badLocationKind', got: quoted(cellText(row[kind]), 20) });
    const by = suppliedBy < 0 ? '' : cellText(row[suppliedBy]).trim();
    if (by !== '') pending.push({ row: i, location: name, by });
    if (leadTime >= 0 && cellText(row[leadTime]).trim() !== '') {
      const days = readNumber(row[leadTime], table.separator === ';' || table.separator === '\t' ? 'comma' : 'point') ?? readNumber(row[leadTime], 'point');
      if (days === null || days < 0) note(leadTime, `expected a lead time in days >= 0, got ${quoted(cellText(row[leadTime]), 20)}; not used`, 'kept', { kind: 'badLocationLeadTime', got: quoted(cellText(row[leadTime]), 20) });
      else facts.leadTime = { type: 'constant', value: days };
    }
    locations.set(name, facts);
  });
  // who supplies whom, once every location is known
  for (const { row, location, by } of pending) {
    const facts = locations.get(location)!;
    const upstream = locations.get(by);
    const rowNumber = table.rowNumbers[row];
    if (facts.kind === 'warehouse') {
      report.notes.push({ file: table.file, row: rowNumber, column: table.header[suppliedBy], status: 'kept', reason: `warehouse ${quoted(location, 30)} supplied by ${quoted(by, 30)}: one level of warehouses is imported, so it is supplied by each SKU's supplier`, ...(report.details ? { detail: { kind: 'warehouseSupplied' as const, location: quoted(location, 30), by: quoted(by, 30) } } : {}) });
      count(report, 'remarks');
    } else if (upstream?.kind !== 'warehouse') {
      report.notes.push({ file: table.file, row: rowNumber, column: table.header[suppliedBy], status: 'kept', reason: `${quoted(by, 30)} is not a warehouse of this file; the store is supplied by each SKU's supplier`, ...(report.details ? { detail: { kind: 'notAWarehouse' as const, by: quoted(by, 30) } } : {}) });
      count(report, 'remarks');
    } else facts.suppliedBy = by;
  }
  const warehouses = [...locations.values()].filter((facts) => facts.kind === 'warehouse').length;
  const supplied = [...locations.values()].filter((facts) => facts.suppliedBy).length;
  addLine(report, `${table.file}: ${locations.size} locations, ${warehouses} warehouse${warehouses === 1 ? '' : 's'}; ${supplied} stores supplied by a warehouse`, { kind: 'locations', file: table.file, locations: locations.size, warehouses, supplied });
  return locations;
}
