import { Queue, UnrecoverableError, Worker, type Job } from "bullmq";
import { env } from "../env.server";
import { newRedisConnection } from "../redis.server";
import { allJobDefinitions, backoffDelayMs, jobDefinition, logJob, PermanentJobError, type JobDefinition } from "./registry.server";

/**
 * Runs the registry's jobs on one of two engines (docs/decisions/0023):
 * - embedded default (no REDIS_URL): in this process, with the same tries and waits; what must
 *   survive a restart is in the database and a sweep job picks it up again;
 * - scaled out: BullMQ over Redis. Web processes only add jobs; worker processes (`npm run worker`)
 *   run them and the repeating ones. A worker killed mid-job stops renewing its lock, and BullMQ
 *   hands the job to another worker after JOB_LOCK_MS.
 */
const QUEUE = "harbor";

export type JobsRole = "web" | "worker";
export type DispatchOptions = { jobId?: string; delayMs?: number };

type Engine = {
  mode: "in-process" | "bullmq";
  dispatch(name: string, data: unknown, options: DispatchOptions): Promise<void>;
  status(): Promise<QueueStatus>;
  stop(): Promise<void>;
};

export type QueueStatus = {
  mode: "in-process" | "bullmq";
  counts: { waiting: number; active: number; delayed: number; failed: number };
  recentFailures: { name: string; id: string; error: string; at: string }[];
};

declare global {
  var harborJobs: Engine | undefined;
}

/** Runs one try of a job and logs it; tells the caller whether another try is worth it. */
async function runOnce(definition: JobDefinition<unknown>, data: unknown, attempt: number, jobId: string): Promise<"done" | "retry" | "failed"> {
  const started = performance.now();
  const about = definition.describe(data);
  try {
    await definition.run(data, { attempt, jobId });
    // A repeating sweep that went well is not news every few seconds; its failures are logged below.
    if (!definition.everyMs) logJob({ kind: "job", name: definition.name, ...about, attempt, durationMs: Math.round(performance.now() - started), outcome: "done" });
    return "done";
  } catch (error) {
    const last = error instanceof PermanentJobError || attempt >= definition.attempts;
    const message = error instanceof Error ? error.message : String(error);
    logJob({ kind: "job", name: definition.name, ...about, attempt, durationMs: Math.round(performance.now() - started), outcome: last ? "failed" : "retry", error: message.slice(0, 300) });
    if (last) return "failed";
    return "retry";
  }
}

function inProcessEngine(): Engine {
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  const keys = new Set<string>();
  const counts = { waiting: 0, active: 0, delayed: 0, failed: 0 };
  const recentFailures: QueueStatus["recentFailures"] = [];
  let stopped = false;

  function later(ms: number, work: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    // Waiting work never keeps the process alive; what matters is in the database.
    timer.unref();
    timers.add(timer);
  }

  async function attemptJob(definition: JobDefinition<unknown>, data: unknown, attempt: number, jobId: string, key?: string): Promise<void> {
    if (stopped) return;
    counts.active++;
    const outcome = await runOnce(definition, data, attempt, jobId);
    counts.active--;
    if (outcome === "retry") {
      counts.delayed++;
      later(backoffDelayMs(definition, attempt), () => {
        counts.delayed--;
        void track(attemptJob(definition, data, attempt + 1, jobId, key));
      });
      return;
    }
    if (key) keys.delete(key);
    if (outcome === "failed") {
      counts.failed++;
      recentFailures.unshift({ name: definition.name, id: jobId, error: "see the log", at: new Date().toISOString() });
      recentFailures.splice(20);
    }
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    running.add(promise);
    void promise.finally(() => running.delete(promise));
    return promise;
  }

  for (const definition of allJobDefinitions()) {
    if (!definition.everyMs) continue;
    const tick = () => {
      if (stopped) return;
      // One run at a time: a slow pass is not overtaken by the next tick.
      void track(attemptJob(definition, undefined, 1, `${definition.name}:${Date.now()}`)).finally(() => later(definition.everyMs!, tick));
    };
    later(definition.everyMs, tick);
  }

  return {
    mode: "in-process",
    // The first try runs before dispatch returns, as the request that asked for it did before
    // there was a queue; later tries wait their turn in the background.
    async dispatch(name, data, options) {
      const definition = jobDefinition(name);
      if (!definition) throw new Error(`No job named ${name}`);
      const jobId = options.jobId ?? `${name}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
      const key = options.jobId && `${name}|${options.jobId}`;
      if (key) {
        // Like BullMQ's job ids: the same job added twice while the first is waiting runs once.
        if (keys.has(key)) return;
        keys.add(key);
      }
      if (options.delayMs) {
        counts.delayed++;
        later(options.delayMs, () => {
          counts.delayed--;
          void track(attemptJob(definition, data, 1, jobId, key || undefined));
        });
        return;
      }
      await track(attemptJob(definition, data, 1, jobId, key || undefined));
    },
    async status() {
      return { mode: "in-process", counts: { ...counts }, recentFailures: [...recentFailures] };
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}

function bullmqEngine(role: JobsRole): Engine {
  const queue = new Queue(QUEUE, { connection: newRedisConnection(), prefix: env.REDIS_KEY_PREFIX });
  queue.on("error", (error) => console.warn(JSON.stringify({ kind: "queue", outcome: "error", error: error.message })));
  let worker: Worker | undefined;

  if (role === "worker") {
    worker = new Worker(
      QUEUE,
      async (job: Job) => {
        const definition = jobDefinition(job.name);
        if (!definition) throw new UnrecoverableError(`No job named ${job.name}`);
        const outcome = await runOnce(definition, job.data, job.attemptsMade + 1, job.id ?? "");
        if (outcome === "failed" && job.attemptsMade + 1 < definition.attempts) throw new UnrecoverableError("failed for good");
        if (outcome !== "done") throw new Error(`${job.name} failed`);
      },
      {
        connection: newRedisConnection(),
        prefix: env.REDIS_KEY_PREFIX,
        concurrency: env.JOB_CONCURRENCY,
        lockDuration: env.JOB_LOCK_MS,
        stalledInterval: Math.max(1000, Math.round(env.JOB_LOCK_MS / 2)),
        // A job whose worker died is run again by another; only a job that kills every worker is failed.
        maxStalledCount: 3,
      },
    );
    worker.on("error", (error) => console.warn(JSON.stringify({ kind: "worker", outcome: "error", error: error.message })));
    // The repeating jobs: one scheduler each in Redis, however many workers declare it.
    for (const definition of allJobDefinitions()) {
      if (!definition.everyMs) continue;
      void queue
        .upsertJobScheduler(definition.name, { every: definition.everyMs }, { name: definition.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } })
        .catch((error: Error) => console.warn(JSON.stringify({ kind: "queue", name: definition.name, outcome: "scheduler-error", error: error.message })));
    }
  }

  return {
    mode: "bullmq",
    async dispatch(name, data, options) {
      const definition = jobDefinition(name);
      if (!definition) throw new Error(`No job named ${name}`);
      await queue.add(name, data, {
        // BullMQ keeps ":" for its own keys.
        jobId: options.jobId?.replaceAll(":", "_"),
        delay: options.delayMs,
        attempts: definition.attempts,
        backoff: { type: "exponential", delay: definition.backoffMs },
        // Done jobs leave Redis (their outcome is in the database); failed ones stay for the operator.
        removeOnComplete: true,
        removeOnFail: 1000,
      });
    },
    async status() {
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed");
      const failed = await queue.getFailed(0, 19);
      return {
        mode: "bullmq",
        counts: { waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 },
        recentFailures: failed.map((job) => ({
          name: job.name,
          id: job.id ?? "",
          error: (job.failedReason ?? "").slice(0, 300),
          at: new Date(job.finishedOn ?? job.timestamp).toISOString(),
        })),
      };
    },
    async stop() {
      // The worker stops taking jobs and waits for the ones it runs; a job it cannot finish in time
      // is left locked and taken over by another worker once its lock runs out.
      await worker?.close();
      await queue.close();
    },
  };
}

/** Starts this process's side of the jobs; called once, by the web entry or the worker command. */
export function startJobs(role: JobsRole): Engine {
  if (globalThis.harborJobs) return globalThis.harborJobs;
  if (role === "worker" && !env.REDIS_URL) throw new Error("A worker process needs REDIS_URL: without it the app process runs its jobs itself.");
  globalThis.harborJobs = env.REDIS_URL ? bullmqEngine(role) : inProcessEngine();
  return globalThis.harborJobs;
}

function engine(): Engine {
  return globalThis.harborJobs ?? startJobs("web");
}

/** Adds a job; in the embedded default its first try runs before this returns. */
export function dispatch<T>(definition: JobDefinition<T>, data: T, options: DispatchOptions = {}): Promise<void> {
  return engine().dispatch(definition.name, data, options);
}

export const jobsMode = () => engine().mode;
export const queueStatus = () => engine().status();

/** Graceful shutdown: no new work is taken, running jobs finish. A stopped engine stays stopped. */
export async function stopJobs(): Promise<void> {
  await globalThis.harborJobs?.stop();
}
