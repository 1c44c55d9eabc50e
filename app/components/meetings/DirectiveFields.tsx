// One directive in the meeting editor: its text in both languages, category, priority, due date
// and assignees, with buttons to move or remove it (DirectiveEditorParts.tsx).
import { useWatch, type Control, type RegisterOptions, type UseFormRegister } from "react-hook-form";
import type { DirectiveFormValues, MeetingFormValues } from "~/schemas/meeting";
import { PRIORITIES } from "~/domain/vocabulary";
import { useT } from "~/utils/i18n";
import { AssigneesFieldset, DirectiveTools, DueFields } from "./DirectiveEditorParts";
import { DirectiveTextFields } from "./DirectiveTextFields";
import type { PickerMasterData } from "./AssigneePicker";
import { describedBy, Field, fieldId, NamedOptions, useErrorLookup } from "./fields";

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
  const registerAssignee = (name: string) => register(name as `directives.${number}.textEn`, assigneeDeps as never);
  const heading = t("meetings.directive.heading", { n: index + 1 });
  return (
    <li className="card directive-editor" aria-labelledby={`${id("heading")}`}>
      <div className="directive-editor__head">
        <h3 id={id("heading")}>{heading}</h3>
        <DirectiveTools index={index} count={count} onRemove={onRemove} onMove={onMove} />
      </div>

      <div className="grid-2">
        <DirectiveTextFields
          idPrefix={fieldId(base)}
          values={defaults}
          errorOf={(name) => errors[name]}
          rows={3}
          labels="meetings.directive"
          field={(name) => register(`${base}.${name}`, name === "textHi" ? { deps: [`${base}.textEn`] } : undefined)}
        />
      </div>

      <div className="grid-3">
        <Field id={id("categoryCode")} label={t("common.category")} error={errors.categoryCode}>
          <select
            defaultValue={defaults.categoryCode}
            {...register_(`${base}.categoryCode`)}
            {...describedBy(id("categoryCode"), errors.categoryCode)}
          >
            <option value="">{t("meetings.directive.noCategory")}</option>
            <NamedOptions list={master.categories} />
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

      <DueFields base={base} id={id} defaults={defaults} errors={errors} field={register_} dueMode={dueMode} hydrated={hydrated} />

      <AssigneesFieldset
        base={base}
        id={id}
        defaults={defaults}
        errors={errors}
        shownScopes={{ collector: hydrated ? (collectorScope ?? "NONE") : null, sp: hydrated ? (spScope ?? "NONE") : null }}
        inputProps={registerAssignee}
        master={master}
      />
    </li>
  );
}
