import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ImportError, type ImportResult, type TextValidator } from "../../../../../../app/features/import-export/domain/errors";
import { exportMacros, parseMacroImport, type MacroRecord } from "../../../../../../app/features/import-export/domain/macros";
import { validateMacro } from "../../../../../../app/features/macros/domain/template";

const anyBody: TextValidator = () => ({ ok: true });

/** Refuses a body containing "{{ bad": its error sits where that text starts. */
const refusesBad: TextValidator = (body) => {
  const index = body.indexOf("{{ bad");
  if (index === -1) return { ok: true };
  const before = body.slice(0, index);
  return {
    ok: false,
    errors: [{ message: "unknown variable bad", line: before.split("\n").length, column: index - before.lastIndexOf("\n") }],
  };
};

function records(result: ImportResult<MacroRecord>): MacroRecord[] {
  if (!result.ok) throw new Error(`expected records, got ${JSON.stringify(result.errors, null, 1)}`);
  return result.records;
}

function errors(result: ImportResult<MacroRecord>): ImportError[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.records)}`);
  return result.errors;
}

const csv = (text: string, validateBody: TextValidator = anyBody, maxRows?: number) =>
  parseMacroImport(text, "csv", { validateBody, maxRows });
const json = (value: unknown, validateBody: TextValidator = anyBody, maxRows?: number) =>
  parseMacroImport(JSON.stringify(value), "json", { validateBody, maxRows });

describe("parseMacroImport: CSV that imports", () => {
  it("GIVEN valid rows WHEN importing THEN every macro is returned with family lowercased and title trimmed", () => {
    const text = "family,title,body,archived\n Orders ,  Where is my order?  ,\"Hi {{ customer.first_name }},\nIt ships today.\",no\nrefunds,Refund sent,Done.,yes\n";
    expect(records(csv(text))).toEqual([
      { family: "orders", title: "Where is my order?", body: "Hi {{ customer.first_name }},\nIt ships today.", archived: false },
      { family: "refunds", title: "Refund sent", body: "Done.", archived: true },
    ]);
  });

  it("GIVEN the columns in another order and case without archived WHEN importing THEN they are matched and archived is false", () => {
    expect(records(csv("Body,TITLE,Family\nThanks!,Thank you,Orders\n"))).toEqual([
      { family: "orders", title: "Thank you", body: "Thanks!", archived: false },
    ]);
  });

  it.each([
    ["true", true],
    ["YES", true],
    ["1", true],
    ["false", false],
    ["No", false],
    ["0", false],
    ["", false],
  ])("GIVEN archived %j WHEN importing THEN archived is %s", (cell, expected) => {
    expect(records(csv(`family,title,body,archived\norders,A,B,${cell}\n`))[0]?.archived).toBe(expected);
  });

  it("GIVEN a European Excel file with a BOM and semicolons WHEN importing THEN it reads like a comma file", () => {
    expect(records(csv('\uFEFFfamily;title;body\r\norders;Hi, again;"Thanks; really"\r\n'))).toEqual([
      { family: "orders", title: "Hi, again", body: "Thanks; really", archived: false },
    ]);
  });

  it("GIVEN a body guarded against formula injection WHEN importing THEN the one leading quote is removed", () => {
    expect(records(csv("family,title,body\norders,Sum,'=SUM(A1)\n"))[0]?.body).toBe("=SUM(A1)");
  });

  it("GIVEN the same title in two families WHEN importing THEN both are kept", () => {
    expect(records(csv("family,title,body\norders,Hello,A\nrefunds,hello,B\n"))).toHaveLength(2);
  });

  it("GIVEN a real macro body WHEN importing with the template validator THEN it is accepted", () => {
    expect(records(csv('family,title,body\norders,Hi,"Hi {{ customer.first_name | default: ""there"" }}"\n', validateMacro))).toHaveLength(1);
  });
});

describe("parseMacroImport: CSV header problems", () => {
  it("GIVEN a header without title and body WHEN importing THEN one error on line 1 names both", () => {
    expect(errors(csv("family,archived\norders,no\n"))).toEqual([
      { line: 1, message: 'Missing columns "title", "body": the columns are family,title,body,archived' },
    ]);
  });

  it("GIVEN unknown columns WHEN importing THEN the error names each of them", () => {
    expect(errors(csv("family,title,body,id,tags\norders,A,B,7,x\n"))).toEqual([
      { line: 1, message: 'Unknown columns "id", "tags": the columns are family,title,body,archived' },
    ]);
  });

  it("GIVEN an empty file WHEN importing THEN the error asks for a header", () => {
    expect(errors(csv(""))[0]?.message).toMatch(/empty.*header/);
  });

  it("GIVEN a header but no rows WHEN importing THEN nothing is imported and nothing is wrong", () => {
    expect(records(csv("family,title,body\n"))).toEqual([]);
  });
});

describe("parseMacroImport: CSV rows that fail, each with its line and field", () => {
  const header = "family,title,body,archived\n";

  it.each([
    ["a blank family", ",Title,Body,", "family", "family is required"],
    ["a family over 40 characters", `${"f".repeat(41)},Title,Body,`, "family", "family must be at most 40 characters (it has 41)"],
    ["a family with punctuation", "orders!,Title,Body,", "family", /only use letters, numbers/],
    ["a blank title", "orders,   ,Body,", "title", "title is required"],
    ["a title over 120 characters", `orders,${"t".repeat(121)},Body,`, "title", "title must be at most 120 characters (it has 121)"],
    ["a blank body", 'orders,Title," \n ",', "body", "body is required"],
    ["a body over 20,000 characters", `orders,Title,${"b".repeat(20_001)},`, "body", "body must be at most 20000 characters (it has 20001)"],
    ["an archived value that is not yes or no", "orders,Title,Body,maybe", "archived", /"maybe" is not a yes or no/],
  ])("GIVEN %s WHEN importing THEN the row's line and field are reported", (_case, row, field, message) => {
    const [error, ...rest] = errors(csv(`${header}orders,Fine,Fine,\n${row}\n`));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ line: 3, field });
    expect(error?.message).toMatch(message);
  });

  it("GIVEN a body whose template fails on its second line WHEN importing THEN the message gives that line and column inside the body", () => {
    expect(errors(csv(`${header}orders,Broken,"Hi,\n  {{ bad }}",\n`, refusesBad))).toEqual([
      { line: 2, field: "body", message: "Line 2, column 3 of the body: unknown variable bad" },
    ]);
  });

  it("GIVEN a body using a filter the sandbox lacks WHEN importing with the template validator THEN the error points into the body", () => {
    const [error] = errors(csv(`${header}orders,Evil,"{{ customer.first_name | raw }}",\n`, validateMacro));
    expect(error).toMatchObject({ line: 2, field: "body" });
    expect(error?.message).toMatch(/^Line 1, column \d+ of the body: /);
  });

  it("GIVEN a later row after bodies spanning several lines WHEN it fails THEN its physical line is reported", () => {
    const text = `${header}orders,One,"a\nb\nc",\norders,Two,"d\r\ne",\n,Three,f,\n`;
    expect(errors(csv(text))).toEqual([{ line: 7, field: "family", message: "family is required" }]);
  });

  it("GIVEN a title repeated in one family with another case WHEN importing THEN the later row is refused naming the first", () => {
    expect(errors(csv(`${header}orders,Thanks,A,\nrefunds,Thanks,B,\nORDERS,thanks ,C,\n`))).toEqual([
      { line: 4, field: "title", message: 'Another macro in family "orders" already has this title (line 2)' },
    ]);
  });

  it("GIVEN a row with a missing cell WHEN importing THEN it is reported on its line", () => {
    expect(errors(csv(`${header}orders,A,B,\norders,C\n`))).toEqual([
      { line: 3, message: "This row has 2 cells but the header has 4 columns" },
    ]);
  });

  it("GIVEN a quote that never closes WHEN importing THEN the error names the line it opened on", () => {
    expect(errors(csv(`${header}orders,A,"oops,\norders,B,C,\n`))[0]).toMatchObject({ line: 2 });
  });

  it("GIVEN one row breaking four rules WHEN importing THEN all four are reported", () => {
    expect(errors(csv(`${header},,,nope\n`)).map((e) => e.field)).toEqual(["archived", "family", "title", "body"]);
  });

  it("GIVEN 150 invalid rows WHEN importing THEN the first 100 errors are listed then how many more there are", () => {
    const rows = Array.from({ length: 150 }, (_, i) => `orders,,body ${i},`).join("\n");
    const list = errors(csv(`${header}${rows}\n`, anyBody, 1000));
    expect(list).toHaveLength(101);
    expect(list[0]).toMatchObject({ line: 2, field: "title" });
    expect(list[99]).toMatchObject({ line: 101, field: "title" });
    expect(list[100]).toEqual({ message: "…and 50 more errors" });
  });

  it("GIVEN more rows than allowed WHEN importing THEN one error asks to split the file", () => {
    const rows = Array.from({ length: 4 }, (_, i) => `orders,T${i},B`).join("\n");
    expect(errors(csv(`family,title,body\n${rows}\n`, anyBody, 3))).toEqual([
      { message: "The file has 4 rows; one import takes at most 3. Split it into smaller files." },
    ]);
  });

  it("GIVEN one bad row among good ones WHEN importing THEN no record is returned at all", () => {
    const result = csv(`${header}orders,A,B,\norders,,C,\norders,D,E,\n`);
    expect(result.ok).toBe(false);
    expect("records" in result).toBe(false);
  });
});

describe("parseMacroImport: JSON", () => {
  it("GIVEN { macros: [...] } WHEN importing THEN the macros are returned with archived defaulting to false", () => {
    expect(records(json({ macros: [{ family: "Orders", title: "Hi", body: "Hello" }, { family: "orders", title: "Bye", body: "Later", archived: true }] }))).toEqual([
      { family: "orders", title: "Hi", body: "Hello", archived: false },
      { family: "orders", title: "Bye", body: "Later", archived: true },
    ]);
  });

  it("GIVEN a bare array WHEN importing THEN it is read like the macros list", () => {
    expect(records(json([{ family: "orders", title: "Hi", body: "Hello" }]))).toHaveLength(1);
  });

  it("GIVEN invalid entries WHEN importing THEN each error names its item number from 1 and the field", () => {
    expect(
      errors(json({ macros: [{ family: "orders", title: "Fine", body: "x" }, { family: "orders", title: 42, body: "x" }, { family: "orders", title: "T", body: "", archived: "yes" }] })),
    ).toEqual([
      { item: 2, field: "title", message: "title must be text" },
      { item: 3, field: "archived", message: "archived must be true or false" },
      { item: 3, field: "body", message: "body is required" },
    ]);
  });

  it("GIVEN an entry that is not an object WHEN importing THEN its item is reported", () => {
    expect(errors(json([{ family: "orders", title: "A", body: "B" }, "oops"]))).toEqual([
      { item: 2, message: "Each macro must be an object with family, title and body" },
    ]);
  });

  it("GIVEN an entry with a misspelt field WHEN importing THEN the unknown field is named", () => {
    const [error] = errors(json([{ family: "orders", title: "A", body: "B", tittle: "x" }]));
    expect(error).toEqual({ item: 1, message: 'Unknown field "tittle": the fields are family, title, body, archived' });
  });

  it("GIVEN a duplicate title in one family WHEN importing THEN the later item names the earlier one", () => {
    expect(errors(json([{ family: "orders", title: "Hi", body: "B" }, { family: "orders", title: "HI", body: "C" }]))).toEqual([
      { item: 2, field: "title", message: 'Another macro in family "orders" already has this title (item 1)' },
    ]);
  });

  it("GIVEN malformed JSON WHEN importing THEN one error gives the line and column JSON.parse points at", () => {
    const text = '{\n  "macros": [\n    { "family": "orders", }\n  ]\n}';
    expect(errors(parseMacroImport(text, "json", { validateBody: anyBody }))).toEqual([
      { line: 3, column: 27, message: "Invalid JSON: Expected double-quoted property name" },
    ]);
  });

  it("GIVEN JSON cut short WHEN importing THEN the error points at the end of the text", () => {
    expect(errors(parseMacroImport('{"macros": [', "json", { validateBody: anyBody }))).toEqual([
      { line: 1, column: 13, message: "Invalid JSON: Unexpected end of JSON input" },
    ]);
  });

  it("GIVEN JSON of another shape WHEN importing THEN the expected shape is described", () => {
    expect(errors(json({ items: [] }))).toEqual([{ message: 'Expected { "macros": [ … ] } or an array of macros' }]);
  });

  it("GIVEN more macros than allowed WHEN importing THEN one error asks to split the file", () => {
    expect(errors(json([{ family: "a", title: "1", body: "x" }, { family: "a", title: "2", body: "x" }], anyBody, 1))[0]?.message).toMatch(
      /2 macros; one import takes at most 1/,
    );
  });
});

describe("exportMacros", () => {
  const macros: MacroRecord[] = [
    { family: "orders", title: "Total", body: "=1+1, \"quoted\"\nnext", archived: false },
    { family: "refunds", title: "Done", body: "Bye", archived: true },
  ];

  it("GIVEN macros WHEN exporting CSV THEN a header, CRLF line ends, quoting and the formula guard are written", () => {
    expect(exportMacros(macros, "csv")).toBe(
      'family,title,body,archived\r\norders,Total,"\'=1+1, ""quoted""\nnext",false\r\nrefunds,Done,Bye,true\r\n',
    );
  });

  it("GIVEN macros WHEN exporting JSON THEN it is { macros } indented with two spaces", () => {
    const text = exportMacros(macros.slice(1), "json");
    expect(text).toBe('{\n  "macros": [\n    {\n      "family": "refunds",\n      "title": "Done",\n      "body": "Bye",\n      "archived": true\n    }\n  ]\n}\n');
  });
});

describe("macro round trip", () => {
  const family = fc.stringMatching(/^[a-z0-9][a-z0-9 _-]{0,39}$/).filter((f) => f.trim() === f);
  const title = fc.string({ minLength: 1, maxLength: 60, unit: "binary" }).filter((t) => t.trim() === t && t !== "");
  const body = fc.oneof(
    fc.string({ minLength: 1, maxLength: 400, unit: "binary" }),
    fc.string({ minLength: 1, unit: fc.constantFrom("=", "+", "-", "@", "'", '"', ",", ";", "\r", "\n", "\t", "x", "{{ ", " }}") }),
  ).filter((b) => b.trim() !== "");
  const macroList = fc.uniqueArray(fc.record({ family, title, body, archived: fc.boolean() }), {
    maxLength: 12,
    selector: (m) => `${m.family}\u0000${m.title.toLowerCase()}`,
  });

  it.each(["csv", "json"] as const)("GIVEN valid macros WHEN exported as %s and imported THEN the same records come back", (format) => {
    fc.assert(
      fc.property(macroList, (macros) => {
        expect(records(parseMacroImport(exportMacros(macros, format), format, { validateBody: anyBody }))).toEqual(macros);
      }),
    );
  });
});
