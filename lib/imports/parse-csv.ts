import { AppError } from "@/lib/errors/app-error";

/** One record of a CSV file: its cells, and the line it starts on (the header is line 1). */
export type CsvRecord = { line: number; cells: string[] };

function malformed(line: number, message: string): AppError {
  return new AppError("INVALID_INPUT", `Line ${line}: ${message}`, { issues: [{ path: `line ${line}`, message }] });
}

/** How many line breaks a quoted value spans; CRLF counts once, like a lone CR or LF. */
function countLineBreaks(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) breaks++;
    else if (c === 13) {
      breaks++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return breaks;
}

/**
 * Parses RFC 4180 CSV: quoted fields (with `""` for a quote, and line breaks inside), CRLF, LF or
 * CR line ends, a leading byte-order mark. Empty lines are skipped; rows are returned as they are,
 * ragged or not. Throws INVALID_INPUT naming the line of an unclosed quote or of text after one.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let quotedCell = false;
  for (;;) {
    if (text[i] === '"') {
      const startLine = line;
      let value = "";
      let chunkStart = ++i;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) throw malformed(startLine, 'a quoted field is never closed (a " is missing)');
        if (text[quote + 1] === '"') {
          value += text.slice(chunkStart, quote + 1);
          i = chunkStart = quote + 2;
          continue;
        }
        value += text.slice(chunkStart, quote);
        i = quote + 1;
        break;
      }
      line += countLineBreaks(value);
      cells.push(value);
      quotedCell = true;
      const next = text[i];
      if (next === ",") {
        i++;
        continue;
      }
      if (i < n && next !== "\r" && next !== "\n") {
        throw malformed(line, 'text follows a closing quote; write a quote inside a quoted field as two quotes ("")');
      }
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13) break;
        end++;
      }
      cells.push(text.slice(i, end));
      i = end;
      if (text[i] === ",") {
        i++;
        continue;
      }
    }
    // End of a record: a line break or the end of the text.
    const blank = cells.length === 1 && cells[0] === "" && !quotedCell;
    if (!blank) records.push({ line: recordLine, cells });
    if (i >= n) return records;
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line++;
    recordLine = line;
    cells = [];
    quotedCell = false;
  }
}
