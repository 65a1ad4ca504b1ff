/*
 * CSV for managers' downloads (RFC 4180 quoting). A cell starting with =, +, - or @ (or a tab or carriage
 * return) would be run as a formula by a spreadsheet — CSV injection (OWASP) — so it is prefixed with an
 * apostrophe, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
