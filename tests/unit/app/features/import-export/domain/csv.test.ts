import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBooleanCell, parseCsv, readCsvTable, toCsv, type CsvParse } from "../../../../../../app/features/import-export/domain/csv";

function parsed(text: string): { rows: string[][]; lines: number[] } {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`expected rows, got an error on line ${result.error.line}: ${result.error.message}`);
  return { rows: result.rows, lines: result.lines };
}

function failed(result: CsvParse): { line: number; message: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.rows)}`);
  return result.error;
}

describe("parseCsv: records and fields", () => {
  it("GIVEN plain comma-separated lines WHEN parsing THEN each line is a record of its fields", () => {
    expect(parsed("a,b,c\n1,2,3\n").rows).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("GIVEN a quoted field with a comma and doubled quotes WHEN parsing THEN the comma is kept and each pair is one quote", () => {
    expect(parsed('title,body\n"Hi, there","She said ""yes"""\n').rows[1]).toEqual(["Hi, there", 'She said "yes"']);
  });

  it("GIVEN empty fields, quoted and unquoted WHEN parsing THEN they are empty strings", () => {
    expect(parsed('a,,""\n').rows).toEqual([["a", "", ""]]);
  });

  it("GIVEN no final line end WHEN parsing THEN the last record is still read", () => {
    expect(parsed("a,b\n1,2").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("GIVEN a trailing newline WHEN parsing THEN no empty record is added", () => {
    expect(parsed("a\r\nb\r\n").rows).toEqual([["a"], ["b"]]);
  });

  it("GIVEN empty text WHEN parsing THEN there are no records", () => {
    expect(parsed("").rows).toEqual([]);
  });
});

describe("parseCsv: line numbers", () => {
  it("GIVEN a quoted field spanning three lines WHEN parsing THEN the next record starts on its physical line", () => {
    const text = 'title,body\nA,"line one\nline two\nline three"\nB,short\nC,short\n';
    const { rows, lines } = parsed(text);
    expect(rows[1]).toEqual(["A", "line one\nline two\nline three"]);
    expect(lines).toEqual([1, 2, 5, 6]);
  });

  it("GIVEN CRLF inside and between quoted fields WHEN parsing THEN the CRLF is kept in the field and counted as one line", () => {
    const { rows, lines } = parsed('h\r\n"x\r\ny"\r\nz\r\n');
    expect(rows).toEqual([["h"], ["x\r\ny"], ["z"]]);
    expect(lines).toEqual([1, 2, 4]);
  });

  it("GIVEN old Mac line ends (a lone CR) WHEN parsing THEN each CR ends a record", () => {
    const { rows, lines } = parsed("a\rb\rc");
    expect(rows).toEqual([["a"], ["b"], ["c"]]);
    expect(lines).toEqual([1, 2, 3]);
  });

  it("GIVEN blank lines between records WHEN parsing THEN they are skipped but still counted", () => {
    const { rows, lines } = parsed("a\n\n\nb\n");
    expect(rows).toEqual([["a"], ["b"]]);
    expect(lines).toEqual([1, 4]);
  });

  it("GIVEN a quote that is never closed WHEN parsing THEN the error names the line where the field opened", () => {
    const error = failed(parseCsv('h,b\nok,fine\nbad,"starts here\nand goes on\nforever\n'));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/never closed/);
  });

  it("GIVEN text after a closing quote on a later line WHEN parsing THEN the error is on the line of that quote", () => {
    const error = failed(parseCsv('h\n"one\ntwo"x\n'));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/doubled/);
  });

  it("GIVEN a bare quote inside an unquoted field WHEN parsing THEN it is refused on its line", () => {
    const error = failed(parseCsv('h\nfine\n5" screen\n'));
    expect(error.line).toBe(3);
  });
});

describe("parseCsv: what spreadsheets produce", () => {
  it("GIVEN a UTF-8 byte order mark WHEN parsing THEN the first header is read without it", () => {
    expect(parsed("\uFEFFfamily,title\norders,Hi\n").rows[0]).toEqual(["family", "title"]);
  });

  it("GIVEN a header with semicolons and no comma WHEN parsing THEN semicolons separate the fields", () => {
    expect(parsed("family;title;body\r\norders;Hi, there;Thanks\r\n").rows).toEqual([
      ["family", "title", "body"],
      ["orders", "Hi, there", "Thanks"],
    ]);
  });

  it("GIVEN a header with both commas and semicolons WHEN parsing THEN commas separate and semicolons stay in the text", () => {
    expect(parsed("a;b,c\n1;2,3\n").rows).toEqual([
      ["a;b", "c"],
      ["1;2", "3"],
    ]);
  });

  it("GIVEN a semicolon header whose quoted name holds a comma WHEN parsing THEN the quoted comma does not decide the delimiter", () => {
    expect(parsed('"a,b";c\n1;2\n').rows).toEqual([
      ["a,b", "c"],
      ["1", "2"],
    ]);
  });

  it("GIVEN a BOM and semicolons together WHEN parsing THEN both are handled", () => {
    expect(parsed("\uFEFFa;b\n1;2").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});

describe("formula injection guard", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)\r\n"],
    ["+1", "'+1\r\n"],
    ["-1", "'-1\r\n"],
    ["@cmd", "'@cmd\r\n"],
    ["\tx", "'\tx\r\n"],
    ["\rx", '"\'\rx"\r\n'],
  ])("GIVEN a cell %j WHEN writing CSV THEN it is written with one leading quote", (cell, written) => {
    expect(toCsv([[cell]])).toBe(written);
  });

  it("GIVEN a guarded cell WHEN reading CSV THEN exactly the one leading quote is removed", () => {
    expect(parsed("'=HYPERLINK(x),'+1,'@a,'-2\n").rows[0]).toEqual(["=HYPERLINK(x)", "+1", "@a", "-2"]);
  });

  it("GIVEN a cell that really starts with a quote and a formula character WHEN writing and reading THEN it survives", () => {
    const written = toCsv([["'=1+1"]]);
    expect(written).toBe("''=1+1\r\n");
    expect(parsed(written).rows).toEqual([["'=1+1"]]);
  });

  it("GIVEN an unguarded cell starting with a formula character WHEN reading THEN nothing is removed", () => {
    expect(parsed("-1,=2,+3,@4\n").rows[0]).toEqual(["-1", "=2", "+3", "@4"]);
  });

  it("GIVEN a quote before an ordinary character WHEN reading THEN it is kept", () => {
    expect(parsed("'tis the season,'quoted'\n").rows[0]).toEqual(["'tis the season", "'quoted'"]);
  });

  it("GIVEN a formula character in the middle of a cell WHEN writing THEN the cell is left alone", () => {
    expect(toCsv([["a=b", "x-y"]])).toBe("a=b,x-y\r\n");
  });
});

describe("toCsv", () => {
  it("GIVEN cells with commas, quotes, semicolons and newlines WHEN writing THEN only those are quoted and quotes doubled", () => {
    expect(toCsv([["plain", "a,b", 'say "hi"', "x;y", "two\nlines"]])).toBe(
      'plain,"a,b","say ""hi""","x;y","two\nlines"\r\n',
    );
  });

  it("GIVEN several records WHEN writing THEN each ends with CRLF", () => {
    expect(toCsv([["a", "b"], ["1", "2"]])).toBe("a,b\r\n1,2\r\n");
  });

  it("GIVEN a record of one empty field WHEN writing THEN it is quoted so it is not a skipped blank line", () => {
    expect(parsed(toCsv([["h"], [""], ["z"]])).rows).toEqual([["h"], [""], ["z"]]);
  });

  it("GIVEN any records WHEN written and read back THEN they are unchanged", () => {
    const awkward = fc.string({ unit: fc.constantFrom("a", " ", ",", ";", '"', "'", "\r", "\n", "\t", "=", "-", "+", "@", "\uFEFF") });
    const cell = fc.oneof(fc.string({ unit: "binary" }), awkward);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        expect(parsed(toCsv(rows)).rows).toEqual(rows);
      }),
    );
  });
});

describe("parseBooleanCell", () => {
  it.each([
    ["true", true],
    ["YES", true],
    [" 1 ", true],
    ["False", false],
    ["no", false],
    ["0", false],
  ])("GIVEN %j WHEN reading a yes/no cell THEN it is %s", (cell, expected) => {
    expect(parseBooleanCell(cell)).toBe(expected);
  });

  it.each(["", "y", "2", "maybe"])("GIVEN %j WHEN reading a yes/no cell THEN it is not recognised", (cell) => {
    expect(parseBooleanCell(cell)).toBeNull();
  });
});

describe("readCsvTable", () => {
  const columns = { required: ["name", "email"], optional: ["note"] } as const;

  it("GIVEN a header in another order and case WHEN reading THEN cells are keyed by column and absent optional columns are undefined", () => {
    const table = readCsvTable(" EMAIL ,Name\na@x.test,Ann\n", columns, 10);
    expect(table.errors).toEqual([]);
    expect(table.rows).toEqual([{ line: 2, cells: { name: "Ann", email: "a@x.test", note: undefined } }]);
  });

  it("GIVEN rows whose cells are all blank WHEN reading THEN they are skipped and not counted against the limit", () => {
    const table = readCsvTable("name,email\nAnn,a@x.test\n,\n , \n", columns, 1);
    expect(table.errors).toEqual([]);
    expect(table.rows).toHaveLength(1);
  });

  it("GIVEN a repeated column WHEN reading THEN the header is refused naming it", () => {
    const table = readCsvTable("name,email,Name\n", columns, 10);
    expect(table.errors).toEqual([{ line: 1, message: 'Column "name" appears more than once' }]);
  });

  it("GIVEN a header cell without a name WHEN reading THEN the error says so", () => {
    const table = readCsvTable("name,email,\n", columns, 10);
    expect(table.errors[0]?.message).toMatch(/a column without a name/);
  });

  it("GIVEN a row with too many cells WHEN reading THEN that row is reported and the others are kept", () => {
    const table = readCsvTable("name,email\nAnn,a@x.test,extra\nBob,b@x.test\n", columns, 10);
    expect(table.errors).toEqual([{ line: 2, message: "This row has 3 cells but the header has 2 columns" }]);
    expect(table.rows.map((r) => r.cells.name)).toEqual(["Bob"]);
  });
});
