import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, type ShouldRevalidateFunction } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, FormLayout, InlineStack, Layout, List, Page, Select, Tabs, Text, TextField } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect, useId, useState } from "react";
import { NotFoundBoundary } from "../components/shared/not-found-boundary";
import { PageSaveBar, useHasSaveBar, useSaveDraft } from "../components/shared/page-save-bar";
import { insertPlaceholder, VariablePicker } from "../components/macros/variable-picker";
import db from "../db.server";
import { FAQ_LOCALES, slugifyHandle, type FaqLocale } from "../features/faq/domain/types";
import { FAQ_VARIABLE_GROUPS, FAQ_VARIABLES } from "../features/faq/domain/variables";
import { deleteFaqArticleById, FaqEditorIntentSchema, loadFaqEditor, previewFaqAnswer, saveFaqArticle, type FaqDeleteOutcome, type FaqEditorData, type FaqPreviewOutcome, type FaqSaveOutcome, type FaqTranslationValues } from "../features/faq/admin-editor.server";
import { liveFaqContext } from "../features/faq/storefront-content.server";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";
import { PreviewCard } from "../components/faq/answer-preview-card";

const notFound = () => new Response("This article does not exist in this shop.", { status: 404 });

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const editor = await loadFaqEditor(db, session.shop, params.id ?? "", new URL(request.url));
  if (!editor) throw notFound();
  return editor;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session, staff } = await requireAdmin(request);
  const form = await readForm(request);
  const intent = FaqEditorIntentSchema.safeParse(form.get("intent"));
  if (!intent.success) return data({ ok: false, message: "This action could not be read." }, { status: 400 });
  const id = params.id ?? "";
  if (intent.data === "preview") {
    const outcome = await previewFaqAnswer(form, () => liveFaqContext({ db, shop: session.shop, graphql: admin.graphql, now: new Date() }));
    return data<FaqPreviewOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
  }
  if (intent.data === "delete") {
    const outcome = await deleteFaqArticleById(db, session.shop, id);
    if (!outcome.ok) throw notFound();
    return data<FaqDeleteOutcome>(outcome);
  }
  const outcome = await saveFaqArticle(db, session.shop, id, form, staff);
  if (!outcome.ok && outcome.status === 404) throw notFound();
  return data<FaqSaveOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

/** A preview changes nothing, and a deleted article has nothing left to reload (the page leaves). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  return intent === "preview" || intent === "delete" ? false : defaultShouldRevalidate;
};

const SAVE_BAR_ID = "faq-article-save-bar";

const MARKDOWN_HELP =
  "Markdown: **bold**, *italic*, [link](https://…), lines starting with - or 1. for lists, # for a heading, a blank line between paragraphs. " +
  "Placeholders like {{ returns.window_days }} print your current policy values; {% if … %} … {% endif %} shows text only when it applies.";

export default function FaqEditorPage() {
  const editor = useLoaderData<typeof loader>();
  // A saved (or reloaded) article starts a fresh editor: its values are the new baseline.
  return <FaqEditor key={JSON.stringify(editor.article)} editor={editor} />;
}

type Values = { categoryId: string; handle: string; published: boolean; translations: FaqTranslationValues };

const hasVersion = (translation: { question: string; answer: string }) => Boolean(translation.question.trim() || translation.answer.trim());

function FaqEditor({ editor }: { editor: FaqEditorData }) {
  const save = useFetcher<FaqSaveOutcome>();
  const remove = useFetcher<FaqDeleteOutcome>();
  const shopify = useAppBridge();
  const navigate = useNavigate();
  const { values, setValues, dirty, saving, failed: outcome, discard } = useSaveDraft(
    (): Values => ({
      categoryId: editor.article.categoryId,
      handle: editor.article.handle,
      published: editor.article.published,
      translations: editor.article.translations,
    }),
    save,
  );
  const [locale, setLocale] = useState<FaqLocale>("en");
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const hasSaveBar = useHasSaveBar();
  const answerId = `${useId()}-answer`;
  const isNew = editor.article.id === null;
  const { localeNames: names, limits } = editor;

  useEffect(() => {
    if (save.state !== "idle" || !save.data?.ok) return;
    shopify.toast.show(save.data.created ? "Article created" : "Article saved");
    if (save.data.created) navigate(`/app/faq/${save.data.id}`, { replace: true });
  }, [save.state, save.data, shopify, navigate]);

  useEffect(() => {
    if (remove.state !== "idle" || !remove.data?.ok) return;
    shopify.toast.show("Article deleted");
    navigate("/app/faq", { replace: true });
  }, [remove.state, remove.data, shopify, navigate]);

  const current = values.translations[locale];
  const setTranslation = (target: FaqLocale, patch: Partial<{ question: string; answer: string }>) =>
    setValues((v) => ({ ...v, translations: { ...v.translations, [target]: { ...v.translations[target], ...patch } } }));

  const submit = () =>
    save.submit(
      {
        intent: "save",
        categoryId: values.categoryId,
        handle: values.handle,
        published: String(values.published),
        ...Object.fromEntries(
          FAQ_LOCALES.flatMap((l) => [
            [`question.${l}`, values.translations[l].question],
            [`answer.${l}`, values.translations[l].answer],
          ]),
        ),
      },
      { method: "post" },
    );
  const insertVariable = (path: string) => insertPlaceholder(answerId, current.answer, path, (answer) => setTranslation(locale, { answer }));

  const localeProblems = (l: FaqLocale) => outcome?.answerErrors[l] ?? [outcome?.errors[`question.${l}`], outcome?.errors[`answer.${l}`]].filter(Boolean);
  const tabs = FAQ_LOCALES.map((l) => ({
    id: `faq-language-${l}`,
    content: names[l],
    badge: localeProblems(l).length > 0 ? "Check" : l !== "en" && !hasVersion(values.translations[l]) ? "Not translated" : undefined,
  }));
  const generatedHandle = slugifyHandle(values.translations.en.question);
  const storefrontHandle = values.handle.trim() || generatedHandle;
  const answerError = outcome?.answerErrors[locale]?.length ? outcome.answerErrors[locale] : outcome?.errors[`answer.${locale}`];

  return (
    <Page
      backAction={{ content: "FAQ", url: "/app/faq" }}
      title={isNew ? "New FAQ article" : editor.article.translations.en.question || "FAQ article"}
      titleMetadata={isNew ? undefined : editor.article.published ? <Badge tone="success">Published</Badge> : <Badge>Draft</Badge>}
      primaryAction={hasSaveBar ? undefined : { content: "Save", onAction: submit, disabled: !dirty, loading: saving }}
      secondaryActions={[
        ...(hasSaveBar ? [] : [{ content: "Discard", onAction: discard, disabled: !dirty || saving }]),
        ...(isNew ? [] : [{ content: "Delete article", destructive: true, onAction: () => setConfirmingDelete(true), disabled: saving }]),
      ]}
    >
      {hasSaveBar && <PageSaveBar id={SAVE_BAR_ID} open={dirty} saving={saving} onSave={submit} onDiscard={discard} />}
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {confirmingDelete && (
              <Banner
                tone="critical"
                title="Delete this article?"
                action={{ content: "Delete article", onAction: () => remove.submit({ intent: "delete" }, { method: "post" }), loading: remove.state !== "idle" }}
                secondaryAction={{ content: "Cancel", onAction: () => setConfirmingDelete(false) }}
              >
                <p>Every language version is deleted and the article leaves the storefront. This cannot be undone.</p>
              </Banner>
            )}
            {outcome && (
              <Banner tone="critical" title="The article was not saved">
                <div role="alert">
                  <BlockStack gap="200">
                    <p>Nothing was changed. Fix the problems marked below, then save again.</p>
                    <List>
                      {FAQ_LOCALES.filter((l) => localeProblems(l).length > 0).map((l) => (
                        <List.Item key={l}>
                          {names[l]}: {localeProblems(l)[0]}
                        </List.Item>
                      ))}
                    </List>
                  </BlockStack>
                </div>
              </Banner>
            )}
            <Card>
              <FormLayout>
                <FormLayout.Group>
                  <Select
                    label="Category"
                    options={editor.categories.map((c) => ({ label: c.title, value: c.id }))}
                    value={values.categoryId}
                    onChange={(categoryId) => setValues((v) => ({ ...v, categoryId }))}
                    error={outcome?.errors.categoryId}
                  />
                  <TextField
                    label="Handle"
                    autoComplete="off"
                    value={values.handle}
                    placeholder={generatedHandle || "made from the English question"}
                    onChange={(handle) => setValues((v) => ({ ...v, handle }))}
                    error={outcome?.errors.handle}
                    helpText={
                      <>
                        Storefront link: <code>#faq-{storefrontHandle || "…"}</code>
                        {values.handle.trim()
                          ? isNew
                            ? ""
                            : ". Changing it breaks links shared before."
                          : ". Empty: made from the English question (a number is added if another article uses it)."}
                      </>
                    }
                  />
                </FormLayout.Group>
                <Checkbox
                  label="Published"
                  helpText="Drafts are kept here and not shown on the storefront."
                  checked={values.published}
                  onChange={(published) => setValues((v) => ({ ...v, published }))}
                />
              </FormLayout>
            </Card>
            <Card padding="0">
              <Tabs tabs={tabs} selected={FAQ_LOCALES.indexOf(locale)} onSelect={(index) => setLocale(FAQ_LOCALES[index] ?? "en")}>
                <Box padding="400">
                  <FormLayout>
                    {locale !== "en" && (
                      <Text as="p" tone="subdued">
                        Optional. Leave the question and answer empty for no {names[locale]} version: shoppers browsing in {names[locale]} then see
                        the English one.
                      </Text>
                    )}
                    <TextField
                      label={`Question (${names[locale]})`}
                      autoComplete="off"
                      value={current.question}
                      onChange={(question) => setTranslation(locale, { question })}
                      maxLength={limits.question}
                      showCharacterCount
                      error={outcome?.errors[`question.${locale}`]}
                    />
                    <BlockStack gap="200">
                      <InlineStack align="end">
                        <VariablePicker label="Insert placeholder" groups={FAQ_VARIABLE_GROUPS} variables={FAQ_VARIABLES} onPick={insertVariable} />
                      </InlineStack>
                      <TextField
                        id={answerId}
                        label={`Answer (${names[locale]})`}
                        multiline={10}
                        autoComplete="off"
                        monospaced
                        value={current.answer}
                        onChange={(answer) => setTranslation(locale, { answer })}
                        maxLength={limits.answer}
                        error={answerError}
                        helpText={MARKDOWN_HELP}
                      />
                    </BlockStack>
                    {locale !== "en" && hasVersion(current) && (
                      <InlineStack>
                        <Button variant="plain" tone="critical" onClick={() => setTranslation(locale, { question: "", answer: "" })}>
                          {`Remove the ${names[locale]} version`}
                        </Button>
                      </InlineStack>
                    )}
                  </FormLayout>
                </Box>
              </Tabs>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <PreviewCard locale={locale} language={names[locale]} question={current.question} answer={current.answer} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="Article not found"
      back={{ content: "FAQ", url: "/app/faq", label: "Back to the FAQ" }}
      message="This article does not exist in this shop. It may have been deleted, or belong to another store."
    />
  );
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
