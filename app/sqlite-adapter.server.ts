import type * as NodeSqlite from "node:sqlite";
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import type { Client, Config, InStatement, ResultSet, Row, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

/**
 * The embedded SQLite database, as a server needs it (docs/decisions/0012).
 *
 * `@libsql/client` hands its connection to each interactive transaction and opens a new one for
 * what follows, never closing the old one: a native connection and its page cache leaked per
 * transaction (2.6 GB after 1,200 webhooks), and a COMMIT that failed with SQLITE_BUSY left that
 * leaked connection holding the write lock, so every later write of every shop failed until a
 * restart. Its native module also keeps about 4 KB per prepared statement and 1 KB per execution
 * for good, and its connections came without a busy timeout.
 *
 * Here Prisma's libsql adapter (its type conversions, and its lock that runs one transaction at a
 * time and holds every other query meanwhile) runs over Node's own SQLite, `node:sqlite`, through
 * one connection kept for the app's life, with prepared statements reused. Transactions share that
 * connection: BEGIN, statements, COMMIT — and a COMMIT that fails is rolled back before the error
 * goes on, so the lock is always released.
 */
export const SQLITE_PRAGMAS = [
  // Readers never block the writer, and the writer never blocks readers.
  "PRAGMA journal_mode = WAL",
  // Durable at every checkpoint; the usual pairing with WAL.
  "PRAGMA synchronous = NORMAL",
  // Deleted rows are overwritten with zeros, so erased customer data is not left readable in the file.
  "PRAGMA secure_delete = ON",
  "PRAGMA foreign_keys = ON",
  // No waiting inside SQLite: node:sqlite is synchronous, so its busy handler would stall the whole
  // process (and the connection holding the lock, if it is in this process). Waits are below.
  "PRAGMA busy_timeout = 0",
];

/** How long a statement waits for another connection's write lock before failing with P1008. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Node 24 still labels node:sqlite experimental and warns on load, once per process, into every
 * log; the module is loaded with that one warning left out.
 */
function loadNodeSqlite(): typeof NodeSqlite {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes("SQLite is an experimental feature")) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return process.getBuiltinModule("node:sqlite");
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Statements kept prepared; Prisma's queries are a few hundred distinct texts at most. */
const STATEMENT_CACHE_SIZE = 500;

const BEGIN: Record<TransactionMode, string> = {
  // Take the write lock at BEGIN: a deferred transaction that reads, then writes, cannot wait for
  // another process's lock (SQLite answers SQLITE_BUSY at once to avoid a deadlock).
  write: "BEGIN IMMEDIATE",
  deferred: "BEGIN IMMEDIATE",
  read: "BEGIN DEFERRED",
};

const SQLITE_BUSY = 5;

function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: unknown })?.errcode;
  return typeof code === "number" && (code & 0xff) === SQLITE_BUSY;
}

/** node:sqlite's errors in the shape the adapter maps to Prisma's (unique, foreign key, busy…). */
function driverError(error: unknown): unknown {
  const e = error as { errcode?: unknown; message?: unknown };
  if (typeof e?.errcode !== "number" || typeof e.message !== "string") return error;
  return Object.assign(new Error(e.message), { code: "SQLITE_ERROR", rawCode: e.errcode });
}

function toSql(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return value as SQLInputValue;
}

/** The adapter reads blobs as ArrayBuffers, as libsql gives them. */
function fromSql(value: unknown): unknown {
  return value instanceof Uint8Array ? value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) : value;
}

function resultSet(columns: string[], columnTypes: string[], rows: unknown[][], rowsAffected: number, lastInsertRowid?: bigint): ResultSet {
  return {
    columns,
    columnTypes,
    rows: rows as unknown as Row[],
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({ columns, columnTypes, rows, rowsAffected, lastInsertRowid: lastInsertRowid?.toString() }),
  };
}

class Connection {
  private readonly database: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();

  constructor(
    path: string,
    private readonly busyTimeoutMs: number,
  ) {
    this.database = new (loadNodeSqlite().DatabaseSync)(path);
    for (const pragma of SQLITE_PRAGMAS) this.database.exec(pragma);
  }

  /** A prepared statement, least recently used dropped first (a Map keeps insertion order). */
  private prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      statement = this.database.prepare(sql);
      statement.setReturnArrays(true);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  /**
   * Runs `work`, and again after a short pause while another connection holds the write lock, up
   * to the busy timeout. Only for work that did nothing when it failed: a statement outside a
   * transaction, or BEGIN. The event loop stays free while it waits.
   */
  async whenFree<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      try {
        return work();
      } catch (error) {
        if (!isBusy(error) || Date.now() + pause > deadline) throw driverError(error);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  execute(input: InStatement): ResultSet {
    const { sql, args } = typeof input === "string" ? { sql: input, args: [] } : input;
    const values = Array.isArray(args) ? args.map(toSql) : [];
    try {
      const statement = this.prepare(sql);
      const columns = statement.columns();
      if (columns.length === 0) {
        const { changes, lastInsertRowid } = statement.run(...values);
        return resultSet([], [], [], Number(changes), BigInt(lastInsertRowid));
      }
      const rows = (statement.all(...values) as unknown as unknown[][]).map((row) => row.map(fromSql));
      return resultSet(
        columns.map((c) => c.name),
        columns.map((c) => c.type ?? ""),
        rows,
        0,
      );
    } catch (error) {
      if (isBusy(error)) throw error; // whenFree waits and maps it
      throw driverError(error);
    }
  }

  exec(sql: string): void {
    try {
      this.database.exec(sql);
    } catch (error) {
      if (isBusy(error)) throw error;
      throw driverError(error);
    }
  }

  get inTransaction(): boolean {
    return this.database.isOpen && this.database.isTransaction;
  }

  close() {
    this.statements.clear();
    if (this.database.isOpen) this.database.close();
  }
}

class SingleConnectionTransaction {
  constructor(private readonly connection: Connection) {}

  async execute(statement: InStatement) {
    try {
      return this.connection.execute(statement);
    } catch (error) {
      throw driverError(error);
    }
  }

  async commit() {
    try {
      this.connection.exec("COMMIT");
    } catch (error) {
      // SQLite keeps a transaction open when COMMIT fails (SQLITE_BUSY): end it, or its lock stays.
      this.close();
      throw driverError(error);
    }
  }

  async rollback() {
    this.close();
  }

  close() {
    if (this.connection.inTransaction) this.connection.exec("ROLLBACK");
  }
}

/** The part of libsql's client that the Prisma adapter calls, over one connection. */
class SingleConnectionClient {
  private readonly connection: Connection;

  constructor(config: Config, busyTimeoutMs: number) {
    this.connection = new Connection(sqlitePath(config.url), busyTimeoutMs);
  }

  async execute(statement: InStatement) {
    return this.connection.whenFree(() => this.connection.execute(statement));
  }

  async transaction(mode: TransactionMode = "write") {
    await this.connection.whenFree(() => this.connection.exec(BEGIN[mode]));
    return new SingleConnectionTransaction(this.connection);
  }

  /** Scripts (migrations) are not retried: one may fail half-way through. */
  async executeMultiple(sql: string) {
    try {
      this.connection.exec(sql);
    } catch (error) {
      throw driverError(error);
    }
  }

  close() {
    this.connection.close();
  }
}

/** `file:./data/harbor.sqlite`, `file:/abs/path.sqlite`, `file:///abs/path.sqlite` or `:memory:`. */
export function sqlitePath(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (url.startsWith("file://")) return decodeURIComponent(new URL(url).pathname);
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** Prisma's libsql adapter over that one connection. */
export class PrismaSqlite extends PrismaLibSQL {
  #busyTimeoutMs: number;

  constructor(url: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS) {
    super({ url });
    this.#busyTimeoutMs = busyTimeoutMs;
  }

  override createClient(config: Config): Client {
    return new SingleConnectionClient(config, this.#busyTimeoutMs) as unknown as Client;
  }
}

/** SQLite's "database is locked" after the busy timeout, as Prisma reports it (P1008). */
export function isDatabaseBusy(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P1008";
}
