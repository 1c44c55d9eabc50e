// The meeting editor: one form for the meeting and its directives.
//
// react-hook-form with the shared zod schema checks everything in the browser; the action checks
// it again. The form is a real <Form method="post"> whose inputs carry their values and names,
// so it also works with JavaScript off: then the add/remove/move and paste buttons post an
// intent and the server answers with the form changed. With JavaScript, those buttons change
// the field array in place and a valid form is posted as the same form element.
import { Form, useNavigation } from "@remix-run/react";
import { useMemo, useRef, useState } from "react";
import { useFieldArray } from "react-hook-form";
import { useServerForm } from "~/components/forms/use-server-form";
import { CALLED_ROLES, MEETING_MODES } from "~/domain/vocabulary";
import type { MessageKey } from "~/i18n";
import {
  emptyDirective,
  LIMITS,
  meetingFormSchema,
  type DirectiveFormValues,
  type FieldErrors,
  type MeetingFormValues,
} from "~/schemas/meeting";
import { useT } from "~/utils/i18n";
import { CarryOverPicker } from "~/components/review/CarryOverPicker";
import type { CarryCandidate } from "~/domain/review-views";
import { pickText, useLocale } from "~/utils/i18n";
import { DirectiveFields, type EditorMasterData } from "./DirectiveFields";
import { checkboxGroupProps, describedBy, ErrorsContext, Field, FieldError, fieldId, type ErrorLookup } from "./fields";
import type { DroppedPassage } from "~/utils/minutes";
import { directivesFromPastedText } from "~/utils/minutes/to-directives";
import { PasteLeftOut } from "./PasteLeftOut";

export interface EditorNotice {
  key: MessageKey;
  params?: Record<string, number>;
}

type TopField = Exclude<keyof MeetingFormValues, "directives" | "calledRoles" | "intent" | "mode" | "carried">;

/** The series' lists for the editor; the route fetches the carry-over candidates when the series changes. */
export interface EditorSeriesData {
  offices: { code: string; nameEn: string; nameHi: string }[];
  series: { code: string; nameEn: string; nameHi: string; officeCode: string }[];
  candidates: CarryCandidate[];
  loading: boolean;
  onSeriesChange?: (seriesCode: string, meetingDate: string) => void;
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
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";

  const schema = useMemo(
    () =>
      meetingFormSchema({
        districts: master.districts.map((d) => d.code),
        divisions: master.divisions.map((d) => d.code),
        departments: master.departments.map((d) => d.code),
        categories: master.categories.map((c) => c.code),
      }),
    [master],
  );
  const form = useServerForm<MeetingFormValues>(schema, { defaultValues: initialValues, serverErrors, arrayFields: ["directives"] });
  const { register, control, setValue, getValues, hasErrors } = form;
  const { fields, append, remove, move } = useFieldArray({ control, name: "directives" });
  const lookup: ErrorLookup = form.errorOf;

  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const [clientNotice, setClientNotice] = useState<EditorNotice | null>(null);
  const shownNotice = clientNotice ?? notice;
  const [clientDropped, setClientDropped] = useState<DroppedPassage[] | null>(null);
  const shownDropped = clientDropped ?? dropped ?? [];

  // Only Save draft and Publish post from the browser; the no-script buttons (add, remove, move,
  // paste) are handled in place.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) =>
    form.onSubmit(event, (submitter) => {
      const intent = submitter?.value ?? "save-draft";
      if (intent !== "save-draft" && intent !== "publish") return false;
      setValue("intent", intent);
      return true;
    });

  const onPaste = (event: React.MouseEvent) => {
    event.preventDefault();
    const box = pasteRef.current;
    if (!box) return;
    const result = directivesFromPastedText(box.value, getValues("meetingDate"), master, `${getValues("chairEn")} ${getValues("chairHi")}`);
    setClientDropped(result.dropped);
    const room = Math.max(0, LIMITS.directives - fields.length);
    const added = result.directives.slice(0, room);
    if (added.length > 0) {
      append(added, { shouldFocus: false });
      box.value = "";
    }
    setClientNotice(
      (result.directives.length === 0
        ? { key: "meetings.paste.nothingFound" }
        : { key: result.withoutAssignee > 0 ? "meetings.paste.addedUnassigned" : "meetings.paste.added", params: { n: added.length, unassigned: result.withoutAssignee } }) as EditorNotice,
    );
  };

  const onAdd = (event: React.MouseEvent) => {
    event.preventDefault();
    if (fields.length >= LIMITS.directives) return;
    append(emptyDirective(), { shouldFocus: true, focusName: `directives.${fields.length}.textHi` });
  };

  const textField = (
    name: TopField,
    label: MessageKey,
    options: { lang?: "hi" | "en"; multiline?: boolean; type?: string; max?: number; rows?: number; hint?: MessageKey; className?: string } = {},
  ) => {
    const id = fieldId(name);
    const error = lookup(name);
    const common = {
      defaultValue: initialValues[name],
      lang: options.lang,
      maxLength: options.max,
      ...register(name),
      ...describedBy(id, error, Boolean(options.hint)),
    };
    return (
      <Field id={id} label={t(label)} error={error} hint={options.hint ? t(options.hint) : undefined} className={options.className}>
        {options.multiline ? <textarea rows={options.rows ?? 3} {...common} /> : <input type={options.type ?? "text"} {...common} />}
      </Field>
    );
  };

  const actions = (
    <div className="editor-actions">
      <button type="submit" name="intent" value="save-draft" className="button button--secondary" disabled={busy}>
        {t("meetings.editor.saveDraft")}
      </button>
      <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
        {t("meetings.editor.publish")}
      </button>
    </div>
  );

  const directivesError = lookup("directives");
  const seriesId = fieldId("seriesCode");
  const seriesError = lookup("seriesCode");
  const officeId = fieldId("chairOffice");
  const officeError = lookup("chairOffice");
  const [seriesChosen, setSeriesChosen] = useState(Boolean(initialValues.seriesCode));
  const seriesField = register("seriesCode", {
    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
      const code = event.target.value;
      setSeriesChosen(Boolean(code));
      const chosen = series.series.find((s) => s.code === code);
      if (chosen) setValue("chairOffice", chosen.officeCode);
      setValue("carried", []);
      series.onSeriesChange?.(code, getValues("meetingDate"));
    },
  });
  const modeId = fieldId("mode");
  const modeError = lookup("mode");
  const rolesError = lookup("calledRoles");

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
        {actions}
        <p className="field__hint">{t("meetings.editor.publishHint")}</p>

        <fieldset className="card">
          <legend className="card__legend">{t("meetings.editor.meeting")}</legend>
          <div className="grid-2">
            {textField("titleHi", "meetings.field.titleHi", { lang: "hi", max: LIMITS.title })}
            {textField("titleEn", "meetings.field.titleEn", { lang: "en", max: LIMITS.title })}
          </div>
          <div className="grid-3">
            {textField("meetingDate", "meetings.field.meetingDate", { type: "date" })}
            {textField("startTime", "meetings.field.startTime", { type: "time" })}
            <Field id={modeId} label={t("meetings.field.mode")} error={modeError}>
              <select defaultValue={initialValues.mode} {...register("mode")} {...describedBy(modeId, modeError)}>
                {MEETING_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`mode.${mode}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="grid-2">
            <Field id={seriesId} label={t("review.field.series")} error={seriesError} hint={t("review.field.seriesHint")}>
              <select defaultValue={initialValues.seriesCode} {...seriesField} {...describedBy(seriesId, seriesError, true)}>
                <option value="">{t("review.series.none")}</option>
                {series.series.map((s) => (
                  <option key={s.code} value={s.code}>
                    {pickText(locale, s.nameEn, s.nameHi)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={officeId} label={t("review.field.chairOffice")} error={officeError}>
              <select defaultValue={initialValues.chairOffice} {...register("chairOffice")} {...describedBy(officeId, officeError)}>
                <option value="">{t("review.office.none")}</option>
                {series.offices.map((o) => (
                  <option key={o.code} value={o.code}>
                    {pickText(locale, o.nameEn, o.nameHi)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {/* Older forms typed the chair; it is kept as it was unless an office is chosen. */}
          <input type="hidden" {...register("chairEn")} defaultValue={initialValues.chairEn} />
          <input type="hidden" {...register("chairHi")} defaultValue={initialValues.chairHi} />
          <div className="grid-2">
            {textField("participantsHi", "meetings.field.participantsHi", { lang: "hi", multiline: true, rows: 2, max: LIMITS.participants })}
            {textField("participantsEn", "meetings.field.participantsEn", { lang: "en", multiline: true, rows: 2, max: LIMITS.participants })}
          </div>
          <fieldset className="field" aria-describedby={rolesError ? `${fieldId("calledRoles")}-error` : undefined}>
            <legend>{t("meetings.field.calledRoles")}</legend>
            <div className="choice-row">
              {CALLED_ROLES.map((role) => (
                <label key={role} className="choice">
                  <input type="checkbox" value={role} defaultChecked={initialValues.calledRoles.includes(role)} {...checkboxGroupProps(register("calledRoles"))} />
                  <span>{t(`meetings.calledRole.${role}`)}</span>
                </label>
              ))}
            </div>
            <FieldError id={fieldId("calledRoles")} error={rolesError} />
          </fieldset>
          {textField("agenda", "meetings.field.agenda", { multiline: true, rows: 2, max: LIMITS.agenda })}
          {textField("minutes", "meetings.field.minutes", { multiline: true, rows: 4, max: LIMITS.minutes, hint: "meetings.field.minutesHint" })}
          {textField("referenceNo", "meetings.field.referenceNo", { max: LIMITS.referenceNo, className: "field--narrow" })}
        </fieldset>

        <CarryOverPicker
          seriesChosen={seriesChosen}
          candidates={series.candidates}
          loading={series.loading}
          checked={initialValues.carried}
          register={checkboxGroupProps(register("carried"))}
          error={lookup("carried")}
        />

        <section className="card paste-box" aria-labelledby="paste-title">
          <h2 id="paste-title">{t("meetings.paste.title")}</h2>
          <p className="field__hint" id="paste-hint">
            {t("meetings.paste.hint")}
          </p>
          <div className="field">
            <label htmlFor="pasteText">{t("meetings.paste.label")}</label>
            <textarea id="pasteText" name="pasteText" ref={pasteRef} rows={6} aria-describedby="paste-hint" />
          </div>
          <button type="submit" name="intent" value="paste" className="button button--secondary" onClick={onPaste} formNoValidate>
            {t("meetings.paste.submit")}
          </button>
          <p className="flash flash--inline" role="status" aria-live="polite" hidden={!shownNotice}>
            {shownNotice ? t(shownNotice.key, shownNotice.params) : null}
          </p>
          <PasteLeftOut dropped={shownDropped} />
        </section>

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
        {actions}
      </Form>
    </ErrorsContext.Provider>
  );
}
