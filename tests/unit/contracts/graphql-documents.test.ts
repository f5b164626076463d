import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, validate, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "../../../simulator/schema";

const appDir = fileURLToPath(new URL("../../../app", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "types" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every `#graphql` template literal in app/, as the codegen preset finds them. */
const documents = sourceFiles(appDir).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/`(#graphql[\s\S]*?)`/g)].map((m) => ({
    file: relative(appDir, file),
    source: m[1]!,
  })),
);

function errorsOf(source: string): string[] {
  return validate(adminSchema(), parse(source)).map((e) => e.message);
}

describe("GraphQL documents the app sends", () => {
  it("GIVEN the app THEN it has documents to check", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [d.file, d.source] as const))(
    "GIVEN a document in %s THEN it is valid against the real 2026-10 Admin schema and named",
    (_file, source) => {
      expect(errorsOf(source)).toEqual([]);
      const operations = parse(source).definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
      );
      for (const operation of operations) expect(operation.name?.value).toMatch(/^[A-Z]\w+$/);
    },
  );

  it("GIVEN a misspelled field THEN validation fails with graphql's message naming it", () => {
    expect(errorsOf("query Broken { shop { nmae } }")).toEqual([
      'Cannot query field "nmae" on type "Shop". Did you mean "name"?',
    ]);
  });

  it("GIVEN a misspelled argument THEN validation fails naming it", () => {
    expect(errorsOf("query Broken { orders(frist: 5) { nodes { id } } }")[0]).toMatch(/Unknown argument "frist"/);
  });
});
