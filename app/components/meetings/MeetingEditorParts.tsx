// Sections of the meeting editor (MeetingEditor.tsx): the Save/Publish buttons, the meeting's own
// fields, and the box that turns pasted minutes into directives.
import type { RefObject } from "react";
import type { UseFormGetValues, UseFormRegister, UseFormSetValue } from "react-hook-form";
import { IntentButton } from "~/components/forms/IntentButton";
import { CALLED_ROLES, MEETING_MODES } from "~/domain/vocabulary";
import type { MessageKey } from "~/i18n";
import { LIMITS, type MeetingFormValues } from "~/schemas/meeting";
import type { DroppedPassage } from "~/utils/minutes";
import { useT } from "~/utils/i18n";
import { describedBy, Field, FieldError, fieldId, NamedOptions, type ErrorLookup } from "./fields";
import { PasteLeftOut } from "./PasteLeftOut";

export interface EditorNotice {
  key: MessageKey;
  params?: Record<string, number>;
}

/** The series' lists for the editor; the route fetches the carry-over candidates when the series changes. */
export interface EditorSeriesLists {
  offices: { code: string; nameEn: string; nameHi: string }[];
  series: { code: string; nameEn: string; nameHi: string; officeCode: string }[];
  onSeriesChange?: (seriesCode: string, meetingDate: string) => void;
}

type TopField = Exclude<keyof MeetingFormValues, "directives" | "calledRoles" | "intent" | "mode" | "carried">;

export function EditorActions({ busy }: { busy: boolean }) {
  const t = useT();
  return (
    <div className="editor-actions">
      <IntentButton intent="save-draft" look="secondary" busy={busy}>
        {t("meetings.editor.saveDraft")}
      </IntentButton>
      <IntentButton intent="publish" busy={busy}>
        {t("meetings.editor.publish")}
      </IntentButton>
    </div>
  );
}

/** The meeting itself: title, date, time, mode, series and chair's office, participants, called roles, agenda, minutes. */
export function MeetingFieldset({
  initialValues,
  register,
  setValue,
  getValues,
  lookup,
  series,
  onSeriesChosen,
}: {
  initialValues: MeetingFormValues;
  register: UseFormRegister<MeetingFormValues>;
  setValue: UseFormSetValue<MeetingFormValues>;
  getValues: UseFormGetValues<MeetingFormValues>;
  lookup: ErrorLookup;
  series: EditorSeriesLists;
  onSeriesChosen: (chosen: boolean) => void;
}) {
  const t = useT();
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

  const seriesId = fieldId("seriesCode");
  const seriesError = lookup("seriesCode");
  const officeId = fieldId("chairOffice");
  const officeError = lookup("chairOffice");
  const seriesField = register("seriesCode", {
    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
      const code = event.target.value;
      onSeriesChosen(Boolean(code));
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
            <NamedOptions list={series.series} />
          </select>
        </Field>
        <Field id={officeId} label={t("review.field.chairOffice")} error={officeError}>
          <select defaultValue={initialValues.chairOffice} {...register("chairOffice")} {...describedBy(officeId, officeError)}>
            <option value="">{t("review.office.none")}</option>
            <NamedOptions list={series.offices} />
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
              <input type="checkbox" value={role} defaultChecked={initialValues.calledRoles.includes(role)} {...register("calledRoles")} />
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
  );
}

/** Pasted minutes become directives: in the browser with JavaScript, on the server without. */
export function PasteBox({
  pasteRef,
  onPaste,
  notice,
  dropped,
}: {
  pasteRef: RefObject<HTMLTextAreaElement>;
  onPaste: (event: React.MouseEvent) => void;
  notice: EditorNotice | null | undefined;
  dropped: DroppedPassage[];
}) {
  const t = useT();
  return (
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
      <p className="flash flash--inline" role="status" aria-live="polite" hidden={!notice}>
        {notice ? t(notice.key, notice.params) : null}
      </p>
      <PasteLeftOut dropped={dropped} />
    </section>
  );
}
