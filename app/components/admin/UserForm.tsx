import { Form, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import { useServerForm } from "~/components/forms/use-server-form";
import { DISTRICT_ROLES, ROLES } from "~/domain/vocabulary";
import type { MessageKey } from "~/i18n";
import { userCreateSchema, userUpdateSchema, type UserCreateInput } from "~/schemas/user";
import { pickText, useLocale, useT } from "~/utils/i18n";

export interface UnitChoice {
  code: string;
  nameEn: string;
  nameHi: string;
}

export type UserFormValues = Required<UserCreateInput>;
export type UserFormErrors = Partial<Record<keyof UserFormValues, MessageKey>>;

/** "Choose…" and the units, by name in the viewer's language. */
function UnitOptions({ units }: { units: UnitChoice[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <option value="">{t("user.choose")}</option>
      {units.map((d) => (
        <option key={d.code} value={d.code}>
          {pickText(locale, d.nameEn, d.nameHi)}
        </option>
      ))}
    </>
  );
}

/** "Choose…" and the district roles, named as a post (districtRole) or as a division's side (divisionSide). */
function DistrictRoleOptions({ labels }: { labels: "districtRole" | "divisionSide" }) {
  const t = useT();
  return (
    <>
      <option value="">{t("user.choose")}</option>
      {DISTRICT_ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`${labels}.${r}`)}
        </option>
      ))}
    </>
  );
}

/**
 * The create and edit form of a user: name, (username when creating), role, and the district
 * and post or the department the role needs. With JavaScript, only the fields the chosen role
 * uses are shown; without it, all are, and the server ignores those that do not apply.
 */
export function UserForm({
  mode,
  defaultValues,
  serverErrors,
  districts,
  departments,
  divisions = [],
  submitLabel,
}: {
  mode: "create" | "edit";
  defaultValues: UserFormValues;
  serverErrors?: UserFormErrors;
  districts: UnitChoice[];
  departments: UnitChoice[];
  divisions?: UnitChoice[];
  submitLabel: string;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const form = useServerForm<UserFormValues>(mode === "create" ? userCreateSchema : userUpdateSchema, {
    mode: "onTouched",
    defaultValues,
    serverErrors,
  });
  const hydrated = form.hydrated;
  const role = form.watch("role");
  const showDistrict = !hydrated || role === "DISTRICT_OFFICER";
  const showDepartment = !hydrated || role === "DEPARTMENT_OFFICER";
  const showDivision = !hydrated || role === "DIVISION_OFFICER";

  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="card user-form">
      <input type="hidden" name="intent" value={mode === "create" ? "create" : "update"} />
      <Field id="displayName" label={t("user.displayName")} hint={t("user.displayNameHint")} error={form.errorOf("displayName")}>
        {(aria) => <input {...aria} autoComplete="off" {...form.register("displayName")} />}
      </Field>
      <Field id="displayNameHi" label={t("user.displayNameHi")} hint={t("user.displayNameHiHint")} error={form.errorOf("displayNameHi")}>
        {(aria) => <input {...aria} lang="hi" autoComplete="off" {...form.register("displayNameHi")} />}
      </Field>
      {mode === "create" ? (
        <Field id="username" label={t("user.username")} hint={t("user.usernameHint")} error={form.errorOf("username")}>
          {(aria) => <input {...aria} autoComplete="off" autoCapitalize="none" spellCheck={false} {...form.register("username")} />}
        </Field>
      ) : null}
      <Field id="role" label={t("user.role")} error={form.errorOf("role")}>
        {(aria) => (
          <select {...aria} {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!hydrated ? <p className="field__hint">{t("user.scopeHint")}</p> : null}
      {showDistrict ? (
        <div className="user-form__pair">
          <Field id="districtCode" label={t("user.district")} error={form.errorOf("districtCode")}>
            {(aria) => (
              <select {...aria} {...form.register("districtCode")}>
                <UnitOptions units={districts} />
              </select>
            )}
          </Field>
          <Field id="districtRole" label={t("user.districtRole")} error={form.errorOf("districtRole")}>
            {(aria) => (
              <select {...aria} {...form.register("districtRole")}>
                <DistrictRoleOptions labels="districtRole" />
              </select>
            )}
          </Field>
        </div>
      ) : null}
      {showDepartment ? (
        <Field id="departmentCode" label={t("user.department")} error={form.errorOf("departmentCode")}>
          {(aria) => (
            <select {...aria} {...form.register("departmentCode")}>
              <UnitOptions units={departments} />
            </select>
          )}
        </Field>
      ) : null}
      {showDivision ? (
        <div className="user-form__pair">
          <Field id="divisionCode" label={t("user.division")} error={form.errorOf("divisionCode")}>
            {(aria) => (
              <select {...aria} {...form.register("divisionCode")}>
                <UnitOptions units={divisions} />
              </select>
            )}
          </Field>
          {hydrated ? (
            <Field id="districtRole" label={t("user.divisionSide")} error={form.errorOf("districtRole")}>
              {(aria) => (
                <select {...aria} {...form.register("districtRole")}>
                  <DistrictRoleOptions labels="divisionSide" />
                </select>
              )}
            </Field>
          ) : null}
        </div>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
