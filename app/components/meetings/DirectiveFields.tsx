// One directive in the meeting editor: its text in both languages, category, priority, due date
// and assignees, with buttons to move or remove it. The buttons are submit buttons with an
// intent, so they work without JavaScript; with it, they change the field array in place.
import { useWatch, type Control, type RegisterOptions, type UseFormRegister } from "react-hook-form";
import type { DirectiveFormValues, MeetingFormValues } from "~/schemas/meeting";
import { PRIORITIES } from "~/domain/vocabulary";
import { LIMITS } from "~/schemas/meeting";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { AssigneePicker, DepartmentPicker, type PickerMasterData } from "./AssigneePicker";
import { checkboxGroupProps, describedBy, Field, FieldError, fieldId, useErrorLookup } from "./fields";

export interface EditorMasterData extends PickerMasterData {
  departments: { code: string; nameEn: string; nameHi: string }[];
  categories: { code: string; nameEn: string; nameHi: string }[];
}

export function DirectiveFields({
  index,
  count,
  defaults,
  register,
  control,
  master,
  hydrated,
  onRemove,
  onMove,
}: {
  index: number;
  count: number;
  defaults: DirectiveFormValues;
  register: UseFormRegister<MeetingFormValues>;
  control: Control<MeetingFormValues>;
  master: EditorMasterData;
  hydrated: boolean;
  onRemove: (index: number) => void;
  onMove: (from: number, to: number) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const base = `directives.${index}` as const;
  const [dueMode, collectorScope, spScope] = useWatch({
    control,
    name: [`${base}.dueMode`, `${base}.collector.scope`, `${base}.sp.scope`],
  });
  const lookup = useErrorLookup();
  const error = (path: string) => lookup(`${base}.${path}`);
  const id = (path: string) => fieldId(`${base}.${path}`);
  // Changing any of these can settle "choose someone to act" and "text in Hindi or English".
  const assigneeDeps = { deps: [`${base}.assignees`] } as unknown as RegisterOptions<MeetingFormValues>;
  const errors = {
    textEn: error("textEn"),
    textHi: error("textHi"),
    categoryCode: error("categoryCode"),
    priority: error("priority"),
    dueMode: error("dueMode"),
    dueDate: error("dueDate"),
    dueInDays: error("dueInDays"),
    assignees: error("assignees"),
    collector: { scope: error("collector.scope"), divisions: error("collector.divisions"), districts: error("collector.districts") },
    sp: { scope: error("sp.scope"), divisions: error("sp.divisions"), districts: error("sp.districts") },
    departments: error("departments"),
  };
  const register_ = (name: string) => register(name as `directives.${number}.textEn`);
  const registerAssignee = (name: string) => checkboxGroupProps(register(name as `directives.${number}.textEn`, assigneeDeps as never));
  const heading = t("meetings.directive.heading", { n: index + 1 });
  const withJs = (handler: () => void) => (event: React.MouseEvent) => {
    event.preventDefault();
    handler();
  };
  return (
    <li className="card directive-editor" aria-labelledby={`${id("heading")}`}>
      <div className="directive-editor__head">
        <h3 id={id("heading")}>{heading}</h3>
        <div className="directive-editor__tools">
          <button
            type="submit"
            name="intent"
            value={`move-up:${index}`}
            className="button button--secondary button--small"
            disabled={index === 0}
            onClick={withJs(() => onMove(index, index - 1))}
            aria-label={t("meetings.directive.moveUpLabel", { n: index + 1 })}
          >
            ↑
          </button>
          <button
            type="submit"
            name="intent"
            value={`move-down:${index}`}
            className="button button--secondary button--small"
            disabled={index === count - 1}
            onClick={withJs(() => onMove(index, index + 1))}
            aria-label={t("meetings.directive.moveDownLabel", { n: index + 1 })}
          >
            ↓
          </button>
          <button
            type="submit"
            name="intent"
            value={`remove-directive:${index}`}
            className="button button--secondary button--small"
            onClick={withJs(() => onRemove(index))}
            aria-label={t("meetings.directive.removeLabel", { n: index + 1 })}
          >
            {t("meetings.directive.remove")}
          </button>
        </div>
      </div>

      <div className="grid-2">
        <Field id={id("textHi")} label={t("meetings.directive.textHi")} error={errors.textHi}>
          <textarea
            lang="hi"
            rows={3}
            maxLength={LIMITS.directiveText}
            defaultValue={defaults.textHi}
            {...register(`${base}.textHi`, { deps: [`${base}.textEn`] })}
            {...describedBy(id("textHi"), errors.textHi)}
          />
        </Field>
        <Field id={id("textEn")} label={t("meetings.directive.textEn")} error={errors.textEn}>
          <textarea
            lang="en"
            rows={3}
            maxLength={LIMITS.directiveText}
            defaultValue={defaults.textEn}
            {...register(`${base}.textEn`)}
            {...describedBy(id("textEn"), errors.textEn)}
          />
        </Field>
      </div>

      <div className="grid-3">
        <Field id={id("categoryCode")} label={t("common.category")} error={errors.categoryCode}>
          <select defaultValue={defaults.categoryCode} {...register_(`${base}.categoryCode`)} {...describedBy(id("categoryCode"), errors.categoryCode)}>
            <option value="">{t("meetings.directive.noCategory")}</option>
            {master.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {pickText(locale, c.nameEn, c.nameHi)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id("priority")} label={t("meetings.directive.priority")} error={errors.priority}>
          <select defaultValue={defaults.priority} {...register_(`${base}.priority`)} {...describedBy(id("priority"), errors.priority)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className="due">
        <legend>{t("common.dueDate")}</legend>
        <div className="due__options">
          <div className="due__option">
            <label className="choice">
              <input type="radio" value="DAYS" defaultChecked={defaults.dueMode === "DAYS"} {...register_(`${base}.dueMode`)} id={id("dueMode-DAYS")} />
              <span>{t("meetings.directive.dueInDays")}</span>
            </label>
            <div className="field field--inline" hidden={hydrated && dueMode !== "DAYS"}>
              <label htmlFor={id("dueInDays")} className="visually-hidden">
                {t("meetings.directive.daysLabel")}
              </label>
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={LIMITS.dueInDays}
                defaultValue={defaults.dueInDays}
                {...register_(`${base}.dueInDays`)}
                {...describedBy(id("dueInDays"), errors.dueInDays)}
              />
              <span aria-hidden="true">{t("meetings.directive.daysSuffix")}</span>
              <FieldError id={id("dueInDays")} error={errors.dueInDays} />
            </div>
          </div>
          <div className="due__option">
            <label className="choice">
              <input type="radio" value="DATE" defaultChecked={defaults.dueMode === "DATE"} {...register_(`${base}.dueMode`)} id={id("dueMode-DATE")} />
              <span>{t("meetings.directive.dueOnDate")}</span>
            </label>
            <div className="field field--inline" hidden={hydrated && dueMode !== "DATE"}>
              <label htmlFor={id("dueDate")} className="visually-hidden">
                {t("meetings.directive.dateLabel")}
              </label>
              <input type="date" defaultValue={defaults.dueDate} {...register_(`${base}.dueDate`)} {...describedBy(id("dueDate"), errors.dueDate)} />
              <FieldError id={id("dueDate")} error={errors.dueDate} />
            </div>
          </div>
        </div>
        <FieldError id={id("dueMode")} error={errors.dueMode} />
      </fieldset>

      <fieldset className="assignees" aria-describedby={errors.assignees ? `${id("assignees")}-error` : undefined}>
        <legend>{t("meetings.directive.assignees")}</legend>
        <FieldError id={id("assignees")} error={errors.assignees} />
        <div className="grid-2">
          <AssigneePicker
            idPrefix={id("collector")}
            name={`${base}.collector`}
            legend={t("districtRole.COLLECTOR")}
            defaults={defaults.collector}
            shownScope={hydrated ? (collectorScope ?? "NONE") : null}
            inputProps={registerAssignee}
            master={master}
            errors={errors.collector}
          />
          <AssigneePicker
            idPrefix={id("sp")}
            name={`${base}.sp`}
            legend={t("districtRole.SP")}
            defaults={defaults.sp}
            shownScope={hydrated ? (spScope ?? "NONE") : null}
            inputProps={registerAssignee}
            master={master}
            errors={errors.sp}
          />
        </div>
        <DepartmentPicker
          idPrefix={id("departments")}
          name={`${base}.departments`}
          legend={t("meetings.directive.departments")}
          defaults={defaults.departments}
          inputProps={registerAssignee}
          departments={master.departments}
          error={errors.departments}
        />
      </fieldset>
    </li>
  );
}
