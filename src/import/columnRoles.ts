import { quoted, listOf } from '../scenario/issues.ts';

/**
 * What a column of a demand file holds. The usual names a planner's export gives them, in English,
 * French and German, and as the systems name them (InvoiceDate, StockCode), are recognised; anything
 * else is mapped by the user (`--map units=Menge`, or the wizard's mapping step).
 */
export const ROLES = ['date', 'sku', 'location', 'units', 'price', 'stock', 'name', 'invoice'] as const;
export type Role = (typeof ROLES)[number];
export type ColumnMap = Partial<Record<Role, number>>;

/**
 * Names of each role, compared after folding (lower case, accents dropped, anything but letters and
 * digits removed: "Quantité vendue" → "quantitevendue").
 */
const NAMES: Record<Role, readonly string[]> = {
  date: ['date', 'day', 'jour', 'datum', 'fecha', 'data', 'invoicedate', 'orderdate', 'salesdate', 'saledate', 'transactiondate', 'dateoperation', 'datevente', 'period', 'periode'],
  sku: ['sku', 'article', 'item', 'itemcode', 'itemid', 'itemno', 'stockcode', 'product', 'productid', 'productcode', 'produit', 'codeproduit', 'reference', 'ref', 'artikel', 'artikelnummer', 'material', 'materialnumber', 'ean', 'code'],
  location: ['location', 'store', 'site', 'shop', 'magasin', 'boutique', 'warehouse', 'entrepot', 'depot', 'country', 'pays', 'branch', 'filiale', 'lieu', 'standort', 'lager', 'locationid', 'storeid'],
  units: ['units', 'unit', 'quantity', 'qty', 'quantite', 'quantitevendue', 'qte', 'sales', 'salesunits', 'unitssold', 'sold', 'ventes', 'venteunites', 'menge', 'absatz', 'volume', 'demand', 'demande'],
  price: ['price', 'unitprice', 'prix', 'prixunitaire', 'prixvente', 'preis', 'verkaufspreis', 'sellingprice', 'saleprice'],
  stock: ['stock', 'onhand', 'stockonhand', 'inventory', 'instock', 'stocklevel', 'bestand', 'stockfin', 'stockout', 'outofstock', 'rupture', 'enrupture'],
  name: ['description', 'name', 'productname', 'itemname', 'libelle', 'designation', 'bezeichnung', 'nom'],
  invoice: ['invoice', 'invoiceno', 'invoicenumber', 'orderid', 'orderno', 'ordernumber', 'ticket', 'receipt', 'transaction', 'transactionid', 'facture', 'commande', 'beleg'],
};

/** A column name folded for comparison. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The columns whose names say their role (the first of each), with the user's mapping on top: a name
 * for a role takes that column, an empty name says the file has no such column.
 */
export function detectRoles(header: readonly string[], mapping: Partial<Record<Role, string>> = {}): { roles: ColumnMap; problems: string[] } {
  const roles: ColumnMap = {};
  const problems: string[] = [];
  const folded = header.map(foldName);
  // the user's mappings first, so a name the user gave to one role is never taken by another's detection
  for (const role of ROLES) {
    const given = mapping[role];
    if (given === undefined || given === '') continue; // '' says the file has no such column (`--map location=`)
    const exact = header.indexOf(given);
    const index = exact >= 0 ? exact : folded.indexOf(foldName(given));
    const other = ROLES.find((r) => roles[r] === index);
    if (index < 0) problems.push(`the ${role} column ${quoted(given)} is not in the header (columns: ${listOf(header, 12, (name) => quoted(name, 40))})`);
    else if (other !== undefined) problems.push(`the ${role} column ${quoted(given)} is already the ${other} column; a column holds one thing`);
    else roles[role] = index;
  }
  for (const role of ROLES) {
    if (mapping[role] !== undefined) continue;
    const index = folded.findIndex((name, i) => NAMES[role].includes(name) && !Object.values(roles).includes(i));
    if (index >= 0) roles[role] = index;
  }
  return { roles, problems };
}

/** How a column is mapped, for the report: `units ← "Quantity" (column 4)`. */
/** The roles found, as facts: each role, its column's name (quoted as describeRoles quotes it) and number (1-based). */
export function rolesOf(header: readonly string[], roles: ColumnMap): { role: Role; name: string; column: number }[] {
  return ROLES.filter((role) => roles[role] !== undefined).map((role) => ({ role, name: quoted(header[roles[role]!], 40), column: roles[role]! + 1 }));
}

export function describeRoles(header: readonly string[], roles: ColumnMap): string {
  return ROLES.filter((role) => roles[role] !== undefined)
    .map((role) => `${role} ← ${quoted(header[roles[role]!], 40)} (column ${roles[role]! + 1})`)
    .join(', ');
}
