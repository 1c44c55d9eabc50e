// The meeting editor: one form for the meeting and its directives.
//
// react-hook-form with the shared zod schema checks everything in the browser; the action checks
// it again. The form is a real <Form method="post"> whose inputs carry their values and names,
// so it also works with JavaScript off: then the add/remove/move and paste buttons post an
// intent and the server answers with the form changed. With JavaScript, those buttons change
// the field array in place and a valid form is posted as the same form element.
import { Form, useNavigation } from "@remix-run/react";
import { useMemo, useRef, useState } from "react";
import { useFieldArray, type UseFieldArrayAppend, type UseFormGetValues } from "react-hook-form";
import { useServerForm } from "~/components/forms/use-server-form";
import type { MessageKey } from "~/i18n";
import { emptyDirective, LIMITS, meetingFormSchema, type DirectiveFormValues, type FieldErrors, type MeetingFormValues } from "~/schemas/meeting";
import { useT } from "~/utils/i18n";
import { CarryOverPicker } from "~/components/review/CarryOverPicker";
import type { CarryCandidate } from "~/domain/review-views";
import { DirectiveFields, type EditorMasterData } from "./DirectiveFields";
import { ErrorsContext, fieldId, type ErrorLookup } from "./fields";
import type { DroppedPassage } from "~/utils/minutes";
import { directivesFromPastedText } from "~/utils/minutes/to-directives";
import { EditorActions, MeetingFieldset, PasteBox, type EditorNotice, type EditorSeriesLists } from "./MeetingEditorParts";

/** The series' lists for the editor; the route fetches the carry-over candidates when the series changes. */
export interface EditorSeriesData extends EditorSeriesLists {
  candidates: CarryCandidate[];
  loading: boolean;
}

/** The editor's schema, knowing the master data's codes. */
function useMeetingSchema(master: EditorMasterData) {
  return useMemo(
    () =>
      meetingFormSchema({
        districts: master.districts.map((d) => d.code),
        divisions: master.divisions.map((d) => d.code),
        departments: master.departments.map((d) => d.code),
        categories: master.categories.map((c) => c.code),
      }),
    [master],
  );
}

/**
 * The paste box's button with JavaScript: the pasted minutes' directives are appended (as many as
 * the limit leaves room for) and the box says what it found and what it left out.
 */
function usePasteDirectives({
  master,
  getValues,
  append,
  count,
  notice,
  dropped,
}: {
  master: EditorMasterData;
  getValues: UseFormGetValues<MeetingFormValues>;
  append: UseFieldArrayAppend<MeetingFormValues, "directives">;
  count: number;
  notice?: EditorNotice;
  dropped?: DroppedPassage[];
}) {
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const [clientNotice, setClientNotice] = useState<EditorNotice | null>(null);
  const [clientDropped, setClientDropped] = useState<DroppedPassage[] | null>(null);
  const onPaste = (event: React.MouseEvent) => {
    event.preventDefault();
    const box = pasteRef.current;
    if (!box) return;
    const result = directivesFromPastedText(box.value, getValues("meetingDate"), master, `${getValues("chairEn")} ${getValues("chairHi")}`);
    setClientDropped(result.dropped);
    const room = Math.max(0, LIMITS.directives - count);
    const added = result.directives.slice(0, room);
    if (added.length > 0) {
      append(added, { shouldFocus: false });
      box.value = "";
    }
    setClientNotice(
      (result.directives.length === 0
        ? { key: "meetings.paste.nothingFound" }
        : {
            key: result.withoutAssignee > 0 ? "meetings.paste.addedUnassigned" : "meetings.paste.added",
            params: { n: added.length, unassigned: result.withoutAssignee },
          }) as EditorNotice,
    );
  };
  return { pasteRef, onPaste, notice: clientNotice ?? notice, dropped: clientDropped ?? dropped ?? [] };
}

export function MeetingEditor({
  master,
  initialValues,
  serverErrors,
  formError,
  notice,
  series,
  dropped,
}: {
  series: EditorSeriesData;
  master: EditorMasterData;
  initialValues: MeetingFormValues;
  serverErrors?: FieldErrors;
  formError?: MessageKey;
  notice?: EditorNotice;
  dropped?: DroppedPassage[];
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";

  const schema = useMeetingSchema(master);
  const form = useServerForm<MeetingFormValues>(schema, { defaultValues: initialValues, serverErrors, arrayFields: ["directives"] });
  const { register, control, setValue, getValues, hasErrors } = form;
  const { fields, append, remove, move } = useFieldArray({ control, name: "directives" });
  const lookup: ErrorLookup = form.errorOf;
  const paste = usePasteDirectives({ master, getValues, append, count: fields.length, notice, dropped });
  const [seriesChosen, setSeriesChosen] = useState(Boolean(initialValues.seriesCode));

  // Only Save draft and Publish post from the browser; the no-script buttons (add, remove, move,
  // paste) are handled in place.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) =>
    form.onSubmit(event, (submitter) => {
      const intent = submitter?.value ?? "save-draft";
      if (intent !== "save-draft" && intent !== "publish") return false;
      setValue("intent", intent);
      return true;
    });

  const onAdd = (event: React.MouseEvent) => {
    event.preventDefault();
    if (fields.length >= LIMITS.directives) return;
    append(emptyDirective(), { shouldFocus: true, focusName: `directives.${fields.length}.textHi` });
  };

  const directivesError = lookup("directives");

  return (
    <ErrorsContext.Provider value={lookup}>
      <Form method="post" noValidate onSubmit={onSubmit} className="meeting-editor" aria-labelledby="page-title">
        {/* Publish first shows how many items it will create (the publish route), with or without JavaScript. */}
        <input type="hidden" name="confirmStep" value="1" />
        {formError || hasErrors ? (
          <p className="form-error" role="alert">
            {t(formError ?? "validation.fixErrors")}
          </p>
        ) : null}
        <EditorActions busy={busy} />
        <p className="field__hint">{t("meetings.editor.publishHint")}</p>

        <MeetingFieldset
          initialValues={initialValues}
          register={register}
          setValue={setValue}
          getValues={getValues}
          lookup={lookup}
          series={series}
          onSeriesChosen={setSeriesChosen}
        />

        <CarryOverPicker
          seriesChosen={seriesChosen}
          candidates={series.candidates}
          loading={series.loading}
          checked={initialValues.carried}
          register={register("carried")}
          error={lookup("carried")}
        />

        <PasteBox pasteRef={paste.pasteRef} onPaste={paste.onPaste} notice={paste.notice} dropped={paste.dropped} />

        <section aria-labelledby="directives-title">
          <h2 id="directives-title">{t("meetings.editor.directives", { n: fields.length })}</h2>
          {directivesError ? (
            <p className="form-error" id={`${fieldId("directives")}-error`}>
              {t(directivesError)}
            </p>
          ) : null}
          {fields.length === 0 ? <p className="muted">{t("meetings.editor.noDirectivesYet")}</p> : null}
          <ol className="directive-list">
            {fields.map((field, index) => (
              <DirectiveFields
                key={field.id}
                index={index}
                count={fields.length}
                defaults={field as unknown as DirectiveFormValues}
                register={register}
                control={control}
                master={master}
                hydrated={form.hydrated}
                onRemove={remove}
                onMove={move}
              />
            ))}
          </ol>
          <button type="submit" name="intent" value="add-directive" className="button button--secondary" onClick={onAdd} formNoValidate>
            {t("meetings.editor.addDirective")}
          </button>
        </section>
        <EditorActions busy={busy} />
      </Form>
    </ErrorsContext.Provider>
  );
}
