/**
 * Reads an invitation CSV (`naam;e-mail;partij;rol[;functie]`) as people make them: exported from
 * Excel with semicolons (the Dutch default) or typed with commas, quoted fields with the delimiter
 * or quotes inside, a byte-order mark, CRLF line ends, an optional header row, trailing empty
 * columns. The parsing is csv-parse's (sync API); this file only chooses the delimiter and turns
 * its records and errors into lines and Dutch problems. Server-only: csv-parse needs Node's Buffer.
 */
import { parse, CsvError } from "csv-parse/sync";
import { isHeaderRow, MAX_INVITATION_ROWS } from "../../../shared/domain/invitationRows.ts";

export interface CsvRecord {
  /** Line in the file where the record starts (1-based, header included). */
  line: number;
  cells: string[];
}

export interface CsvReading {
  records: CsvRecord[];
  delimiter: ";" | ",";
  headerSkipped: boolean;
  /** Problems of the file as a whole; when present, `records` may be incomplete. */
  problems: string[];
}

/** Semicolons when the first line has one outside quotes (a Dutch spreadsheet), commas otherwise. */
export function chooseDelimiter(text: string): ";" | "," {
  let inQuotes = false;
  for (const ch of text.replace(/^\uFEFF/, "")) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && ch === ";") return ";";
  }
  return ",";
}

function describeCsvError(err: CsvError): string {
  const line = (err as CsvError & { lines?: number }).lines;
  const where = line ? `Regel ${line}: ` : "";
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `${where}een aanhalingsteken (") wordt niet gesloten. Zet een veld met een ; of , erin tussen aanhalingstekens, en schrijf een aanhalingsteken in een veld dubbel ("").`;
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return `${where}na een afsluitend aanhalingsteken staat nog tekst. Schrijf een aanhalingsteken in een veld dubbel ("").`;
    default:
      return `${where}deze regel is geen geldige CSV (${err.code}).`;
  }
}

export function readInvitationCsv(text: string): CsvReading {
  const delimiter = chooseDelimiter(text);
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parse(text, {
      delimiter,
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // A row of only delimiters (";;;;" from a spreadsheet) is as empty as an empty line.
      skip_records_with_empty_values: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    if (err instanceof CsvError)
      return { records: [], delimiter, headerSkipped: false, problems: [describeCsvError(err)] };
    throw err;
  }
  const records: CsvRecord[] = parsed.map(({ record, info }) => {
    // A record ends on info.lines; it starts earlier when a quoted field held line breaks.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const cells = [...record];
    // Spreadsheets pad rows with empty columns.
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    return { line: info.lines - breaks, cells };
  });
  const headerSkipped = records.length > 0 && isHeaderRow(records[0]!.cells);
  if (headerSkipped) records.shift();
  const problems: string[] = [];
  if (records.length === 0)
    problems.push("Er staat niemand in: geef per regel naam;e-mail;partij;rol en eventueel ;functie.");
  if (records.length > MAX_INVITATION_ROWS) {
    problems.push(
      `Er staan ${records.length} mensen in; één ronde kan hoogstens ${MAX_INVITATION_ROWS} uitnodigingen versturen. Verdeel het bestand.`,
    );
  }
  return { records, delimiter, headerSkipped, problems };
}
