import { describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl, DEFAULT_DATABASE_URL } from "../../../app/database-url";

describe("database URL", () => {
  it("GIVEN no DATABASE_URL THEN the app uses its SQLite file", () => {
    expect(databaseUrl({})).toBe(DEFAULT_DATABASE_URL);
    expect(databaseProvider(DEFAULT_DATABASE_URL)).toBe("sqlite");
  });

  it.each(["postgres://u@h/db", "postgresql://u@h:5432/db"])("GIVEN %s THEN PostgreSQL is chosen", (url) => {
    expect(databaseProvider(url)).toBe("postgresql");
  });

  it("GIVEN a MySQL URL THEN the error names what is accepted without echoing credentials", () => {
    expect(() => databaseProvider("mysql://root:secret@h/db")).toThrow(/file: URL \(SQLite\) or a postgres:\/\/ URL/);
    expect(() => databaseProvider("mysql://root:secret@h/db")).not.toThrow(/secret/);
  });
});
