/**
 * Every kind of background job the app has, defined once and run the same way by either engine:
 * in the app process in the embedded default, on BullMQ over Redis when REDIS_URL is set
 * (app/jobs/queue.server.ts, docs/decisions/0023). A feature adds a job with `defineJob` in a module
 * that app/jobs/definitions.server.ts imports.
 *
 * A job may run twice (two workers, a worker killed after the work but before the queue heard of
 * it): its effects are claimed in the database, so running it again changes nothing.
 */
export type JobContext = { attempt: number; jobId: string };

export type JobDefinition<T> = {
  name: string;
  /** Tries in all before the job is failed for good (1: no retry). */
  attempts: number;
  /** The wait before the second try, doubling after each. */
  backoffMs: number;
  /** A job with no data that runs this often; one run per tick across every worker. */
  everyMs?: number;
  /** What its log line names: the shop and the record it works on. */
  describe(data: T): { shop?: string; id?: string };
  run(data: T, ctx: JobContext): Promise<void>;
};

/** A failure that another try cannot mend (a payload that does not parse): the job fails at once. */
export class PermanentJobError extends Error {}

const definitions = new Map<string, JobDefinition<never>>();

export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  if (definitions.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
  definitions.set(definition.name, definition as JobDefinition<never>);
  return definition;
}

export function jobDefinition(name: string): JobDefinition<unknown> | undefined {
  return definitions.get(name) as JobDefinition<unknown> | undefined;
}

export function allJobDefinitions(): JobDefinition<unknown>[] {
  return [...definitions.values()] as JobDefinition<unknown>[];
}

/** The wait before try `attempt + 1` (attempt counts from 1). */
export function backoffDelayMs(definition: Pick<JobDefinition<unknown>, "backoffMs">, attempt: number): number {
  return definition.backoffMs * 2 ** (attempt - 1);
}

/** One JSON line per job run, for whoever reads the logs: what, for which shop, how it went. */
export function logJob(line: { kind: string; name: string; shop?: string; id?: string; attempt: number; durationMs: number; outcome: string; error?: string }) {
  console.log(JSON.stringify({ at: new Date().toISOString(), ...line }));
}
