import type { Response } from 'express';

/**
 * CSV for Norwegian Excel: UTF-8 with a byte-order mark (else Excel reads it as Windows-1252),
 * `;` as separator (the decimal comma takes `,`), CRLF line ends, every field quoted. A cell that
 * starts with = + - @ (or tab/CR) would be read as a formula by a spreadsheet: it gets a leading `'`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** A file name safe in a Content-Disposition header. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a CSV file as a download under `fileName`. */
export function sendCsv(res: Response, fileName: string, csv: string): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', attachment(fileName));
  res.send(csv);
}
