import { z } from "zod";
import { DISTRICT_ROLES, ROLES, type DistrictRole, type Role } from "~/domain/vocabulary";

// Shared by the forms (react-hook-form's resolver in the browser) and the actions, which parse
// again. Messages are dictionary keys; the form shows them in the viewer's language. The value
// lists come from app/domain/vocabulary.ts, the same lists the database enums are built from.

export const USERNAME_MAX = 50;
export const DISPLAY_NAME_MAX = 120;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Lower-case letters, digits and . _ - ; what officers type on phones without surprises. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "user.usernameRequired")
  .max(USERNAME_MAX, "user.usernameTooLong")
  .regex(/^[a-z0-9][a-z0-9._-]{2,}$/, "user.usernameInvalid");

const displayNameSchema = z.string().trim().min(1, "user.nameRequired").max(DISPLAY_NAME_MAX, "user.nameTooLong");

/** The name in Devanagari for Hindi pages; optional (the English name stands in). */
const displayNameHiSchema = z
  .string()
  .trim()
  .max(DISPLAY_NAME_MAX, "user.nameTooLong")
  .optional()
  .transform((v) => v ?? "");

const codeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .max(40, "user.codeInvalid")
  .optional()
  .transform((v) => v ?? "");

/** Role and the district or department it works for; fields that do not apply to the role are cleared. */
const scopeFields = {
  role: z.enum(ROLES, { errorMap: () => ({ message: "user.roleRequired" }) }),
  districtCode: codeSchema,
  districtRole: z
    .union([z.enum(DISTRICT_ROLES), z.literal("")], { errorMap: () => ({ message: "user.districtRoleRequired" }) })
    .optional()
    .transform((v) => v ?? ""),
  departmentCode: codeSchema,
  /** A division officer's division; their side (Commissioner or IG) is districtRole. */
  divisionCode: codeSchema,
};

type ScopeInput = {
  role: Role;
  districtCode: string;
  districtRole: DistrictRole | "";
  departmentCode: string;
  divisionCode: string;
};

function refineScope(value: ScopeInput, ctx: z.RefinementCtx): void {
  if (value.role === "DISTRICT_OFFICER") {
    if (!value.districtCode) ctx.addIssue({ code: "custom", path: ["districtCode"], message: "user.districtRequired" });
    if (!value.districtRole) ctx.addIssue({ code: "custom", path: ["districtRole"], message: "user.districtRoleRequired" });
  }
  if (value.role === "DEPARTMENT_OFFICER" && !value.departmentCode) {
    ctx.addIssue({ code: "custom", path: ["departmentCode"], message: "user.departmentRequired" });
  }
  if (value.role === "DIVISION_OFFICER") {
    if (!value.divisionCode) ctx.addIssue({ code: "custom", path: ["divisionCode"], message: "user.divisionRequired" });
    if (!value.districtRole) ctx.addIssue({ code: "custom", path: ["districtRole"], message: "user.sideRequired" });
  }
}

function clearUnusedScope<T extends ScopeInput>(value: T): T {
  return {
    ...value,
    districtCode: value.role === "DISTRICT_OFFICER" ? value.districtCode : "",
    districtRole: value.role === "DISTRICT_OFFICER" || value.role === "DIVISION_OFFICER" ? value.districtRole : "",
    departmentCode: value.role === "DEPARTMENT_OFFICER" ? value.departmentCode : "",
    divisionCode: value.role === "DIVISION_OFFICER" ? value.divisionCode : "",
  };
}

export const userCreateSchema = z
  .object({ displayName: displayNameSchema, displayNameHi: displayNameHiSchema, username: usernameSchema, ...scopeFields })
  .superRefine(refineScope)
  .transform(clearUnusedScope);
export type UserCreateInput = z.input<typeof userCreateSchema>;
export type UserCreateData = z.output<typeof userCreateSchema>;

/** The username is the account's identity in the audit log, so it is not edited. */
export const userUpdateSchema = z
  .object({ displayName: displayNameSchema, displayNameHi: displayNameHiSchema, ...scopeFields })
  .superRefine(refineScope)
  .transform(clearUnusedScope);
export type UserUpdateInput = z.input<typeof userUpdateSchema>;
export type UserUpdateData = z.output<typeof userUpdateSchema>;

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "password.currentRequired").max(PASSWORD_MAX, "password.tooLong"),
    newPassword: z.string().min(PASSWORD_MIN, "password.tooShort").max(PASSWORD_MAX, "password.tooLong"),
    confirmPassword: z.string().min(1, "password.confirmRequired"),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword && value.confirmPassword && value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "password.mismatch" });
    }
    if (value.newPassword && value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "password.sameAsCurrent" });
    }
  });
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

/** The admin list's filters (search params); unknown values are ignored rather than refused. */
export const userFiltersSchema = z.object({
  role: z.enum(ROLES).optional().catch(undefined),
  district: z.string().trim().toUpperCase().max(40).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(["active", "disabled"]).optional().catch(undefined),
});
export type UserFilters = z.infer<typeof userFiltersSchema>;
