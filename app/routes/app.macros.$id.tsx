import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { NotFoundBoundary } from "../components/shared/not-found-boundary";
import { PageSaveBar, useHasSaveBar, useSaveDraft } from "../components/shared/page-save-bar";
import { insertPlaceholder, VariablePicker } from "../components/macros/variable-picker";
import { Badge, Banner, BlockStack, Card, FormLayout, InlineStack, Layout, Page, Select, TextField } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect, useId } from "react";
import db from "../db.server";
import { MACRO_VARIABLE_GROUPS, MACRO_VARIABLES } from "../features/macros/domain/variables";
import { loadMacroEditor, saveMacroForm, type MacroEditorData, type MacroSaveOutcome } from "../features/macros/macro-editor.server";
import { loadOrderPreview, type OrderPreviewOutcome } from "../features/macros/order-preview.server";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";
import { PreviewCard } from "../components/macros/macro-preview-card";

const notFound = () =>
  new Response("This macro does not exist in this shop.", { status: 404 });

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const editor = await loadMacroEditor(db, session.shop, params.id ?? "");
  if (!editor) throw notFound();
  return editor;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session, staff, timeZone } = await requireAdmin(request);
  const form = await readForm(request);
  if (form.get("intent") === "preview-order") {
    const outcome = await loadOrderPreview(
      admin.graphql,
      form.get("orderNumber"),
      timeZone
    );
    return data<OrderPreviewOutcome>(outcome, {
      status: outcome.ok ? 200 : outcome.status,
    });
  }
  const outcome = await saveMacroForm(
    db,
    session.shop,
    params.id ?? "",
    form,
    staff
  );
  if (!outcome.ok && outcome.status === 404) throw notFound();
  return data<MacroSaveOutcome>(outcome, {
    status: outcome.ok ? 200 : outcome.status,
  });
};

const SAVE_BAR_ID = "macro-save-bar";

const CUSTOM = "__custom";

const capitalize = (text: string) =>
  text.charAt(0).toUpperCase() + text.slice(1);

export default function MacroEditorPage() {
  const editor = useLoaderData<typeof loader>();
  // A saved (or reloaded) macro starts a fresh editor: its values are the new baseline.
  return <MacroEditor key={JSON.stringify(editor.macro)} editor={editor} />;
}

type Values = {
  title: string;
  family: string;
  customFamily: string;
  body: string;
};

function MacroEditor({ editor }: { editor: MacroEditorData }) {
  const save = useFetcher<MacroSaveOutcome>();
  const shopify = useAppBridge();
  const navigate = useNavigate();
  const { values, setValues, dirty, saving, failed: outcome, discard } = useSaveDraft(
    (): Values => ({
      title: editor.macro.title,
      family: editor.macro.family,
      customFamily: "",
      body: editor.macro.body,
    }),
    save
  );
  const hasSaveBar = useHasSaveBar();
  const bodyId = useId();
  const isNew = editor.macro.id === null;

  useEffect(() => {
    if (save.state !== "idle" || !save.data?.ok) return;
    shopify.toast.show(save.data.created ? "Macro created" : "Macro saved");
    if (save.data.created)
      navigate(`/app/macros/${save.data.id}`, { replace: true });
  }, [save.state, save.data, shopify, navigate]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = () =>
    save.submit(
      {
        intent: "save",
        title: values.title,
        family: values.family === CUSTOM ? values.customFamily : values.family,
        body: values.body,
      },
      { method: "post" }
    );
  const insertVariable = (path: string) =>
    insertPlaceholder(bodyId, values.body, path, (body) => set("body", body));

  const familyOptions = [
    ...editor.families.map((f) => ({ label: capitalize(f), value: f })),
    { label: "Custom…", value: CUSTOM },
  ];
  const bodyError =
    outcome && outcome.bodyErrors.length > 0
      ? outcome.bodyErrors
      : outcome?.errors.body;

  return (
    <Page
      backAction={{ content: "Macros", url: "/app/macros" }}
      title={isNew ? "New macro" : editor.macro.title}
      titleMetadata={
        editor.macro.archived ? <Badge>Archived</Badge> : undefined
      }
      primaryAction={
        hasSaveBar
          ? undefined
          : {
              content: "Save",
              onAction: submit,
              disabled: !dirty,
              loading: saving,
            }
      }
      secondaryActions={
        hasSaveBar
          ? undefined
          : [
              {
                content: "Discard",
                onAction: discard,
                disabled: !dirty || saving,
              },
            ]
      }
    >
      {hasSaveBar && <PageSaveBar id={SAVE_BAR_ID} open={dirty} saving={saving} onSave={submit} onDiscard={discard} />}
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {outcome && (
              <Banner tone="critical" title="The macro was not saved">
                <p role="alert">
                  Fix the problems marked below, then save again.
                </p>
              </Banner>
            )}
            <Card>
              <FormLayout>
                <TextField
                  label="Title"
                  autoComplete="off"
                  value={values.title}
                  onChange={(v) => set("title", v)}
                  error={outcome?.errors.title}
                />
                <FormLayout.Group>
                  <Select
                    label="Family"
                    options={familyOptions}
                    value={values.family}
                    onChange={(v) => set("family", v)}
                    error={
                      values.family === CUSTOM
                        ? undefined
                        : outcome?.errors.family
                    }
                  />
                  {values.family === CUSTOM && (
                    <TextField
                      label="New family"
                      autoComplete="off"
                      value={values.customFamily}
                      onChange={(v) => set("customFamily", v)}
                      error={outcome?.errors.family}
                      helpText="Lower-case; listed after the starter families."
                    />
                  )}
                </FormLayout.Group>
                <BlockStack gap="200">
                  <InlineStack align="end">
                    <VariablePicker
                      label="Insert variable"
                      groups={MACRO_VARIABLE_GROUPS}
                      variables={MACRO_VARIABLES}
                      onPick={insertVariable}
                    />
                  </InlineStack>
                  <TextField
                    id={bodyId}
                    label="Reply"
                    multiline={12}
                    autoComplete="off"
                    monospaced
                    value={values.body}
                    onChange={(v) => set("body", v)}
                    error={bodyError}
                    helpText="Liquid: {{ order.name }}, {% if order.tracking_url != blank %} … {% endif %}, filters like | upcase."
                  />
                </BlockStack>
              </FormLayout>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <PreviewCard body={values.body} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="Macro not found"
      back={{ content: "Macros", url: "/app/macros", label: "Back to macros" }}
      message="This macro does not exist in this shop. It may belong to another store."
    />
  );
}

export const headers: HeadersFunction = (headersArgs) =>
  boundary.headers(headersArgs);
