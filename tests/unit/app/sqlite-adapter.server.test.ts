import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrismaSqlite, sqlitePath } from "../../../app/sqlite-adapter.server";

// The driver under Prisma on the embedded default, against a real file shared with a second
// connection, as another process (or the sqlite3 shell) would hold it.
let dir: string;
let file: string;
let adapter: SqlDriverAdapter;
let other: DatabaseSync | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const query = (sql: string, args: unknown[] = []) => ({ sql, args, argTypes: args.map(() => ({ scalarType: "string" as const, arity: "scalar" as const })) });

async function open(busyTimeoutMs: number) {
  adapter = await new PrismaSqlite(`file:${file}`, busyTimeoutMs).connect();
  await adapter.executeScript(`
    CREATE TABLE IF NOT EXISTS note (id TEXT PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS parent (id TEXT PRIMARY KEY);
    CREATE TABLE IF NOT EXISTS child (id TEXT PRIMARY KEY, parent TEXT REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);`);
}

/** As Prisma runs an interactive transaction: commit, or roll back when a statement fails. */
async function insert(id: string, body = "x") {
  const tx = await adapter.startTransaction();
  try {
    await tx.executeRaw(query("INSERT INTO note (id, body) VALUES (?, ?)", [id, body]));
  } catch (error) {
    await tx.rollback();
    throw error;
  }
  await tx.commit();
}

async function count(): Promise<number> {
  const result = await adapter.queryRaw(query("SELECT COUNT(*) AS n FROM note"));
  return Number(result.rows[0]![0]);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "harbor-sqlite-"));
  file = join(dir, "test.sqlite");
});

afterEach(async () => {
  if (other?.isOpen) other.close();
  other = undefined;
  await adapter?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("SQLite under contention", () => {
  it("GIVEN another connection holding the write lock briefly WHEN the app writes THEN it waits, and the event loop stays free meanwhile", async () => {
    await open(2000);
    other = new DatabaseSync(file);
    other.exec("BEGIN IMMEDIATE; INSERT INTO note (id, body) VALUES ('held', 'by the other connection')");

    let ticks = 0;
    const ticking = setInterval(() => ticks++, 10);
    const write = insert("app");
    await sleep(300);
    other.exec("COMMIT");
    await write;
    clearInterval(ticking);

    expect(await count()).toBe(2);
    expect(ticks).toBeGreaterThan(10);
  });

  it("GIVEN the lock held past the busy timeout THEN that write fails as P1008's SocketTimeout, and the next one succeeds once the lock is gone", async () => {
    await open(200);
    other = new DatabaseSync(file);
    other.exec("BEGIN IMMEDIATE");

    await expect(insert("refused")).rejects.toMatchObject({ cause: { kind: "SocketTimeout" } });

    other.exec("ROLLBACK");
    await insert("later");
    expect(await count()).toBe(1);
  });

  it("GIVEN a reader holding a read transaction for a while THEN the app commits without waiting for it (WAL)", async () => {
    await open(0);
    await insert("before");
    other = new DatabaseSync(file);
    other.exec("BEGIN");
    expect(other.prepare("SELECT COUNT(*) AS n FROM note").get()).toEqual({ n: 1 });

    await insert("while reading");

    expect(await count()).toBe(2);
    other.exec("COMMIT");
  });

  it("GIVEN a COMMIT that fails THEN the transaction is rolled back and the lock released for every other connection", async () => {
    await open(0);
    const tx = await adapter.startTransaction();
    await tx.executeRaw(query("INSERT INTO child (id, parent) VALUES (?, ?)", ["c1", "missing"]));

    await expect(tx.commit()).rejects.toThrow("FOREIGN KEY constraint failed");

    other = new DatabaseSync(file);
    other.exec("BEGIN IMMEDIATE; INSERT INTO note (id, body) VALUES ('other', 'x'); COMMIT");
    await insert("app");
    expect(await count()).toBe(2);
    expect(other.prepare("SELECT COUNT(*) AS n FROM child").get()).toEqual({ n: 0 });
  });

  it("GIVEN two writes of the same id THEN the second is a unique violation, as Prisma expects", async () => {
    await open(0);
    await insert("same");
    await expect(insert("same")).rejects.toMatchObject({ cause: { kind: "UniqueConstraintViolation" } });
    await insert("next");
    expect(await count()).toBe(2);
  });
});

describe("SQLite storage", () => {
  it("GIVEN a deleted row THEN its text is no longer in the database file", async () => {
    await open(0);
    await insert("gone", "alice.erasable@example.com wrote about order 1001");
    await adapter.executeRaw(query("DELETE FROM note WHERE id = ?", ["gone"]));
    await adapter.executeRaw(query("PRAGMA wal_checkpoint(TRUNCATE)"));
    await adapter.dispose();

    const bytes = readFileSync(file).toString("latin1");
    expect(bytes).not.toContain("alice.erasable@example.com");
  });

  it("GIVEN blobs, nulls, booleans and big integers THEN they round-trip", async () => {
    await open(0);
    await adapter.executeScript("CREATE TABLE value (id INTEGER PRIMARY KEY, data BLOB, flag BOOLEAN, big BIGINT, note TEXT)");
    await adapter.executeRaw({
      sql: "INSERT INTO value (id, data, flag, big, note) VALUES (?, ?, ?, ?, ?)",
      args: [1, [0, 255, 7], true, "9007199254740993", null],
      argTypes: [
        { scalarType: "int", arity: "scalar" },
        { scalarType: "bytes", arity: "scalar" },
        { scalarType: "boolean", arity: "scalar" },
        { scalarType: "bigint", arity: "scalar" },
        { scalarType: "string", arity: "scalar" },
      ],
    });
    const result = await adapter.queryRaw(query("SELECT data, flag, note FROM value"));
    expect(result.rows[0]).toEqual([[0, 255, 7], 1, null]);
  });
});

describe("sqlitePath", () => {
  it.each([
    ["file:./data/harbor.sqlite", "./data/harbor.sqlite"],
    ["file:/tmp/a b/test.sqlite", "/tmp/a b/test.sqlite"],
    ["file:///tmp/a%20b/test.sqlite", "/tmp/a b/test.sqlite"],
    ["file:/tmp/x.sqlite?mode=rwc", "/tmp/x.sqlite"],
    [":memory:", ":memory:"],
  ])("%s → %s", (url, path) => {
    expect(sqlitePath(url)).toBe(path);
  });
});
