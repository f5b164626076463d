import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DropZone, InlineStack, Layout, List, Page, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { download } from "../components/shared/download";
import db from "../db.server";
import { exportFile, ExportSchema, importFile, MAX_IMPORT_BYTES, type ExportFile, type ImportOutcome, type Kind } from "../features/import-export/import-export.server";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";

/** The file and the form's few other fields. */
const IMPORT_BODY_LIMIT = MAX_IMPORT_BYTES + 64 * 1024;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  return null;
};

type ActionResult = { export: ExportFile } | { import: ImportOutcome } | { error: string };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, staff } = await requireAdmin(request);
  const contentLength = Number(request.headers.get("content-length") ?? 0);
  // The file's own limit is checked after reading; this refuses absurd bodies before they are read
  // in the page's words, and readForm stops a body without a length at the same limit.
  if (contentLength > IMPORT_BODY_LIMIT) {
    return data<ActionResult>({ import: { ok: false, kind: null, errors: ["This file is larger than 2 MB. Split it into smaller files."] } }, { status: 413 });
  }
  const form = await readForm(request, IMPORT_BODY_LIMIT);
  if (form.get("intent") === "export") {
    const parsed = ExportSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return data<ActionResult>({ error: "Unknown export: reload the page and try again." }, { status: 400 });
    return data<ActionResult>({ export: await exportFile(db, session.shop, parsed.data.kind, parsed.data.format, new Date()) });
  }
  const outcome = await importFile(db, session.shop, form, staff);
  return data<ActionResult>({ import: outcome }, { status: outcome.ok ? 200 : 400 });
};

const LABELS: Record<Kind, { title: string; noun: string; columns: string }> = {
  macros: {
    title: "Macros",
    noun: "macro",
    columns: "CSV columns: family, title, body, archived (optional). JSON: { \"macros\": [{ family, title, body, archived }] }.",
  },
  faq: {
    title: "FAQ articles",
    noun: "article",
    columns:
      "CSV columns: handle (optional), category, position, published, locale, question, answer — one row per article and language. JSON: { \"articles\": [{ handle, category, position, published, translations: [{ locale, question, answer }] }] }.",
  },
};

function Section({ kind }: { kind: Kind }) {
  const exporter = useFetcher<ActionResult>();
  const importer = useFetcher<ActionResult>();
  const [file, setFile] = useState<File | null>(null);
  const label = LABELS[kind];

  useEffect(() => {
    if (exporter.state === "idle" && exporter.data && "export" in exporter.data) download(exporter.data.export);
  }, [exporter.state, exporter.data]);

  const exportAs = (format: "csv" | "json") => exporter.submit({ intent: "export", kind, format }, { method: "post" });
  const runImport = () => {
    if (!file) return;
    const form = new FormData();
    form.set("intent", "import");
    form.set("kind", kind);
    form.set("file", file);
    importer.submit(form, { method: "post", encType: "multipart/form-data" });
  };
  const outcome = importer.data && "import" in importer.data ? importer.data.import : null;
  const plural = (n: number) => `${n} ${label.noun}${n === 1 ? "" : "s"}`;

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {label.title}
        </Text>
        <InlineStack gap="200">
          <Button onClick={() => exportAs("csv")} loading={exporter.state !== "idle" && exporter.formData?.get("format") === "csv"}>
            Export CSV
          </Button>
          <Button onClick={() => exportAs("json")} loading={exporter.state !== "idle" && exporter.formData?.get("format") === "json"}>
            Export JSON
          </Button>
        </InlineStack>
        <DropZone
          label={`Import ${label.title.toLowerCase()} from a CSV or JSON file`}
          allowMultiple={false}
          accept=".csv,.json,text/csv,application/json"
          onDrop={(_all, accepted) => setFile(accepted[0] ?? null)}
        >
          {file ? (
            <Text as="p" alignment="center">
              {file.name} ({Math.ceil(file.size / 1024)} KB)
            </Text>
          ) : (
            <DropZone.FileUpload actionHint="CSV or JSON, up to 2 MB" />
          )}
        </DropZone>
        <Text as="p" tone="subdued">
          {label.columns} The whole file is checked first; if any row has a problem, nothing is imported.
        </Text>
        <InlineStack align="end">
          <Button variant="primary" disabled={!file} onClick={runImport} loading={importer.state !== "idle"}>
            Import
          </Button>
        </InlineStack>
        {outcome?.ok && (
          <Banner tone="success" title="Imported">
            <p>
              {plural(outcome.created)} added, {plural(outcome.updated)} updated.
            </p>
          </Banner>
        )}
        {outcome && !outcome.ok && (
          <Banner tone="critical" title="Nothing was imported">
            <p>Fix these rows and import the file again:</p>
            <List>
              {outcome.errors.map((error, i) => (
                <List.Item key={i}>{error}</List.Item>
              ))}
            </List>
          </Banner>
        )}
      </BlockStack>
    </Card>
  );
}

export default function ImportExport() {
  return (
    <Page title="Import and export" subtitle="Bring macros and FAQ articles from another help desk, or take them with you" backAction={{ content: "Macros", url: "/app/macros" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Section kind="macros" />
            <Section kind="faq" />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
