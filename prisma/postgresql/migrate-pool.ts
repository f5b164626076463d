import pg from "pg";

// PostgreSQL type oids: `name` (19) is what the catalogue queries of Prisma's migration engine
// return; @prisma/adapter-pg 6.19 cannot map it and fails every migrate command
// (prisma/orm#27403). `name` is text on the wire, so it is reported as `text` (25).
const NAME_OID = 19;
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function relabelNameColumns<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

type Query = (...args: unknown[]) => unknown;

// Wraps both call styles pg uses: promise-returning, and with a trailing callback (how a pool
// runs a query on one of its clients).
function relabelling(query: Query): Query {
  return (...args) => {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (err: unknown, result: unknown) => void;
      args[args.length - 1] = (err: unknown, result: unknown) =>
        callback(err, err ? result : relabelNameColumns(result));
      return query(...args);
    }
    const result = query(...args);
    return result instanceof Promise ? result.then(relabelNameColumns) : result;
  };
}

/** A pg pool for the Prisma CLI only (migrate deploy/diff); the app uses a plain PrismaPg. */
export function migratePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  pool.on("connect", (client) => {
    (client as unknown as { query: Query }).query = relabelling(client.query.bind(client) as Query);
  });
  return pool;
}
