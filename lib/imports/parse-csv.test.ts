import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { parseCsv } from "./parse-csv";

function cells(text: string) {
  return parseCsv(text).map((r) => r.cells);
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("parseCsv", () => {
  it("reads plain rows with LF, CRLF and lone CR line ends", () => {
    expect(cells("a,b\n1,2\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(cells("a,b\r\n1,2\r\n3,4")).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
    expect(cells("a,b\r1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("keeps commas, escaped quotes and line breaks inside quoted fields", () => {
    expect(cells('x,y\n"a, b","say ""hi"""\n')).toEqual([["x", "y"], ["a, b", 'say "hi"']]);
    expect(cells('x,y\r\n"two\r\nlines",z\r\n')).toEqual([["x", "y"], ["two\r\nlines", "z"]]);
    expect(cells('x\n""\n""""\n')).toEqual([["x"], [""], ['"']]);
  });

  it("numbers each record by the line it starts on, counting line breaks inside quotes", () => {
    const records = parseCsv('h1,h2\n"multi\nline\nvalue",1\n\nlast,2\r\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 6]);
    expect(records[1].cells[0]).toBe("multi\nline\nvalue");
  });

  it("drops a leading byte-order mark, a trailing line end and empty lines", () => {
    expect(cells("\uFEFFid,cost\r\n1,2\r\n\r\n")).toEqual([["id", "cost"], ["1", "2"]]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\uFEFF")).toEqual([]);
    expect(cells("a\n\n\nb")).toEqual([["a"], ["b"]]);
  });

  it("returns ragged rows as they are, with empty cells kept", () => {
    expect(cells("a,b,c\n1,2\n1,2,3,4\n,,\n1,")).toEqual([["a", "b", "c"], ["1", "2"], ["1", "2", "3", "4"], ["", "", ""], ["1", ""]]);
  });

  it("reads a quote inside an unquoted field as a plain character", () => {
    expect(cells('size\n15" screen')).toEqual([["size"], ['15" screen']]);
  });

  it("names the line of a quoted field that is never closed", () => {
    const error = errorOf(() => parseCsv('id,note\n1,ok\n2,"broken\n3,fine\n'));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^Line 3: a quoted field is never closed/);
    expect(error.issues).toEqual([{ path: "line 3", message: expect.stringContaining("never closed") }]);
  });

  it("names the line where text follows a closing quote", () => {
    const error = errorOf(() => parseCsv('id,note\n"a\nb"c,1\n'));
    expect(error.message).toMatch(/^Line 3: text follows a closing quote/);
  });
});
