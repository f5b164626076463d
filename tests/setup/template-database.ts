import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "../../simulator/stack";
import { adminQuery, databaseUrl, testProvider } from "../helpers/postgres";

declare module "vitest" {
  interface ProvidedContext {
    /** A database with every migration applied by `prisma migrate deploy`, copied for each test file. */
    templateDatabase: { provider: "sqlite" | "postgresql"; url: string; name: string };
  }
}

/** Migrates one template database per run; each test file then copies it instead of migrating again. */
export default async function setup(project: TestProject) {
  const provider = testProvider();
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "harbor-template-"));
    const file = join(dir, "template.sqlite");
    migrateDeploy(`file:${file}`);
    project.provide("templateDatabase", { provider, url: `file:${file}`, name: file });
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `harbor_template_${process.pid}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  migrateDeploy(databaseUrl(name));
  project.provide("templateDatabase", { provider, url: databaseUrl(name), name });
  return () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

