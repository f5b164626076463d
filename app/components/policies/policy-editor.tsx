import { useBlocker, useFetcher, useRevalidator, type FetcherWithComponents } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  InlineStack,
  Layout,
  List,
  Modal,
  Tag,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { PolicySectionPage, PolicyVersionRow, SaveOutcome } from "../../features/policies/policies.server";
import type { FieldErrors } from "../../features/policies/policy-form";
import { PageSaveBar, useHasSaveBar, useSaveDraft } from "../shared/page-save-bar";

/**
 * What the Policies page's sections share: the save (fetcher, toast), the editor state (baseline,
 * dirty, errors beside fields), the frame (heading, save bar or buttons, error banners, versions),
 * and small inputs used by more than one section.
 */

type SaveFetcher = FetcherWithComponents<SaveOutcome>;

/** What each of a section's cards gets: the values, their setter and the errors to show beside fields. */
export type PolicyCardProps<V> = Pick<PolicyEditor<V>, "values" | "set" | "error" | "errorUnder">;

type PolicySectionProps<F, V> = {
  page: PolicySectionPage<F>;
  /** "Return policy": the heading, and the toast's "Return policy saved — version 3". */
  title: string;
  saveBarId: string;
  versionsNote: string;
  /** The form's values as the cards edit them (rows with React keys, …). */
  toEditor(form: F): V;
  cards(props: PolicyCardProps<V>): ReactNode;
};

/** A section route's page: its editor, framed, holding the section's cards. */
export function PolicySection<F, V>(props: PolicySectionProps<F, V>) {
  const fetcher = usePolicySave(props.title);
  // A saved (or reloaded) version starts a fresh editor: its values are the new baseline.
  return <PolicySectionEditor key={props.page.version} {...props} fetcher={fetcher} />;
}

function PolicySectionEditor<F, V>({ page, title, saveBarId, versionsNote, toEditor, cards, fetcher }: PolicySectionProps<F, V> & { fetcher: SaveFetcher }) {
  const editor = usePolicyEditor(() => toEditor(page.form), page.version, fetcher);
  return (
    <PolicyEditorFrame title={title} version={page.version} saveBarId={saveBarId} editor={editor} versions={page.versions} versionsNote={versionsNote}>
      {cards({ values: editor.values, set: editor.set, error: editor.error, errorUnder: editor.errorUnder })}
    </PolicyEditorFrame>
  );
}

/**
 * The section's save. It lives above the editor, which restarts on every new version, so the
 * outcome and the toast survive that restart.
 */
function usePolicySave(savedTitle: string): SaveFetcher {
  const fetcher = useFetcher<SaveOutcome>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (fetcher.data?.ok) shopify.toast.show(`${savedTitle} saved — version ${fetcher.data.version}`);
  }, [fetcher.data, shopify, savedTitle]);
  return fetcher;
}

type PolicyEditor<V> = {
  values: V;
  set<K extends keyof V>(key: K, value: V[K]): void;
  dirty: boolean;
  saving: boolean;
  save(): void;
  discard(): void;
  /** The error at a field's path. */
  error(path: string): string | undefined;
  /** The first error at a path or below it (a list's items), for a field that edits the whole list. */
  errorUnder(path: string): string | undefined;
  errors: FieldErrors;
  formError: string | null;
  conflict: boolean;
};

/** Editor state for one version of a document; the fetcher posts the whole form as JSON in `policy`. */
function usePolicyEditor<V>(initial: () => V, version: number, fetcher: SaveFetcher): PolicyEditor<V> {
  const { values, setValues, dirty, saving, failed: outcome, discard } = useSaveDraft(initial, fetcher);
  const errors = outcome?.errors ?? {};
  return {
    values,
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    dirty,
    saving,
    save: () => fetcher.submit({ policy: JSON.stringify(values), baseVersion: String(version) }, { method: "post" }),
    discard,
    error: (path) => errors[path],
    errorUnder: (path) => errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1],
    errors,
    formError: outcome?.formError ?? null,
    conflict: outcome?.status === 409,
  };
}

/**
 * One section of the Policies page: heading with the version in force, App Bridge's save bar (or,
 * outside Shopify's admin where it does not exist, the section's own buttons), problems, the
 * section's cards and its versions.
 */
function PolicyEditorFrame<V>(props: {
  title: string;
  version: number;
  saveBarId: string;
  editor: PolicyEditor<V>;
  versions: PolicyVersionRow[];
  versionsNote: string;
  children: ReactNode;
}) {
  const { editor } = props;
  const hasSaveBar = useHasSaveBar();
  const revalidator = useRevalidator();
  const problems = Object.entries(editor.errors);
  // Another tab or page would drop the edits silently; the save bar only guards Shopify's own navigation.
  const leaving = useBlocker(({ currentLocation, nextLocation }) => editor.dirty && currentLocation.pathname !== nextLocation.pathname);
  return (
    <BlockStack gap="400">
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <BlockStack gap="100">
          <Text as="h2" variant="headingLg">
            {props.title}
          </Text>
          <Text as="p" tone="subdued">
            Version {props.version} is in force. Every save keeps the previous versions.
          </Text>
        </BlockStack>
        {!hasSaveBar && (
          <ButtonGroup>
            <Button onClick={editor.discard} disabled={!editor.dirty || editor.saving}>
              Discard
            </Button>
            <Button variant="primary" onClick={editor.save} disabled={!editor.dirty} loading={editor.saving}>
              Save
            </Button>
          </ButtonGroup>
        )}
      </InlineStack>
      {hasSaveBar && <PageSaveBar id={props.saveBarId} open={editor.dirty} saving={editor.saving} onSave={editor.save} onDiscard={editor.discard} />}
      <Modal
        open={leaving.state === "blocked"}
        onClose={() => leaving.reset?.()}
        title="Leave without saving?"
        primaryAction={{ content: "Leave and discard changes", destructive: true, onAction: () => leaving.proceed?.() }}
        secondaryActions={[{ content: "Stay", onAction: () => leaving.reset?.() }]}
      >
        <Modal.Section>
          <Text as="p">Your changes to {props.title.toLowerCase()} have not been saved.</Text>
        </Modal.Section>
      </Modal>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {editor.formError && (
              <Banner
                tone="critical"
                title="Your changes were not saved"
                action={editor.conflict ? { content: "Reload", onAction: () => revalidator.revalidate() } : undefined}
              >
                <p role="alert">{editor.formError}</p>
              </Banner>
            )}
            {problems.length > 0 && (
              <Banner tone="critical" title={`Fix ${problems.length === 1 ? "1 problem" : `${problems.length} problems`} to save`}>
                <List>
                  {problems.map(([path, message]) => (
                    <List.Item key={path}>{message}</List.Item>
                  ))}
                </List>
              </Banner>
            )}
            {props.children}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <VersionsCard versions={props.versions} note={props.versionsNote} />
        </Layout.Section>
      </Layout>
    </BlockStack>
  );
}

export function SectionCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h3" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

function VersionsCard({ versions, note }: { versions: PolicyVersionRow[]; note: string }) {
  return (
    <SectionCard title="Versions">
      <Text as="p" tone="subdued">
        {note}
      </Text>
      <BlockStack gap="200" as="ol">
        {versions.map((v) => (
          <Box as="li" key={v.version}>
            <InlineStack gap="200" blockAlign="center">
              <Text as="span" fontWeight="semibold">
                Version {v.version}
              </Text>
              {v.inForce && <Badge tone="success">In force</Badge>}
            </InlineStack>
            <Text as="p" tone="subdued" variant="bodySm">
              {v.createdBy ? `${v.createdBy}${v.created ? ` · ${v.created}` : ""}` : "The defaults every shop starts with"}
            </Text>
          </Box>
        ))}
      </BlockStack>
    </SectionCard>
  );
}

/** A row of an editable list, with a React key that survives removing the rows above it. */
export type Keyed<T> = T & { key: string };

export const withKeys = <T,>(rows: readonly T[], prefix: string): Keyed<T>[] => rows.map((row, i) => ({ ...row, key: `${prefix}-${i}` }));

/** Keys for rows added on the page, unique among the page's rows. */
export function useNewRowKey(): () => string {
  const prefix = useId();
  const count = useRef(0);
  return () => `${prefix}-new-${count.current++}`;
}

/** Tags added with Enter, the Add button, a comma or leaving the field; each removable. */
export function TagInput({ label, tags, onChange, error, helpText }: { label: string; tags: string[]; onChange(tags: string[]): void; error?: string; helpText: string }) {
  const [draft, setDraft] = useState("");
  const add = (text: string) => {
    const known = new Set(tags.map((t) => t.toLowerCase()));
    const added: string[] = [];
    for (const tag of text.split(",").map((t) => t.trim())) {
      if (!tag || known.has(tag.toLowerCase())) continue;
      known.add(tag.toLowerCase());
      added.push(tag);
    }
    if (added.length) onChange([...tags, ...added]);
    setDraft("");
  };
  const change = (text: string) => {
    // A comma ends a tag: keep only what follows the last one in the field.
    if (!text.includes(",")) return setDraft(text);
    const cut = text.lastIndexOf(",");
    add(text.slice(0, cut));
    setDraft(text.slice(cut + 1).trimStart());
  };
  return (
    <BlockStack gap="200">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add(draft);
        }}
      >
        <TextField
          label={label}
          autoComplete="off"
          value={draft}
          onChange={change}
          onBlur={() => draft.trim() && add(draft)}
          placeholder="Type and press Enter; commas separate tags"
          helpText={helpText}
          error={error}
          connectedRight={
            <Button submit disabled={!draft.trim()}>
              Add
            </Button>
          }
        />
      </form>
      {tags.length > 0 ? (
        <InlineStack gap="200">
          {tags.map((tag) => (
            <Tag key={tag} onRemove={() => onChange(tags.filter((t) => t !== tag))} accessibilityLabel={`Remove ${tag}`}>
              {tag}
            </Tag>
          ))}
        </InlineStack>
      ) : (
        <Text as="p" tone="subdued">
          None
        </Text>
      )}
    </BlockStack>
  );
}

/** A visually hidden suffix that tells screen readers which row a repeated label belongs to. */
export function RowLabel({ label, row }: { label: string; row: string }) {
  return (
    <>
      {label}
      <Text as="span" visuallyHidden>
        {` ${row}`}
      </Text>
    </>
  );
}
