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

type CsvRow = readonly (string | number | undefined | null)[];

/** One line of the file, with its line end. */
export function csvLine(row: CsvRow): string {
  return row.map(csvCell).join(';') + '\r\n';
}

export function toCsv(rows: readonly CsvRow[]): string {
  return '\uFEFF' + rows.map(csvLine).join('');
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

/**
 * Streams a CSV download: the header row, then the rows `pages` yields, each page written as it comes,
 * so memory stays bounded by one page however long the file is. The first page is read before anything
 * is sent, so a failure there is still an ordinary error answer; a failure later cuts the download off.
 */
export async function streamCsv(
  res: Response,
  fileName: string,
  header: CsvRow,
  pages: AsyncIterable<readonly CsvRow[]>,
): Promise<void> {
  const iterator = pages[Symbol.asyncIterator]();
  let page = await iterator.next();
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', attachment(fileName));
  res.write('\uFEFF' + csvLine(header));
  try {
    while (!page.done) {
      const chunk = page.value.map(csvLine).join('');
      // Wait for the client to take what was written before reading more (backpressure).
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      page = await iterator.next();
    }
    res.end();
  } catch (error) {
    res.destroy(error as Error);
  }
}
