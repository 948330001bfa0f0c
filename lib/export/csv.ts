// RFC 4180: every field quoted, inner quotes doubled, lines ended by CRLF. A text starting with =, +, -, @ (or a tab
// or carriage return) would be read as a formula by spreadsheet software (OWASP "CSV injection"), so it gets a
// leading apostrophe, which spreadsheets show as text and do not evaluate.
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
