// The one permission table: role → permissions. Guards on the server and the UI (to hide
// what a user cannot do) both read it. Strings are action:entity[:scope].
import type { Role } from "~/domain/vocabulary";

export const PERMISSIONS = [
  "read:meeting:any",
  "write:meeting:any",
  "publish:meeting:any",
  "read:action-item:any",
  "read:action-item:own",
  "update:action-item:own",
  "request:extension:own",
  "verify:action-item:any",
  "decide:extension:any",
  "read:dashboard:any",
  "read:report:any",
  "manage:users:any",
  "read:audit:any",
  "manage:master-data:any",
  "update:password:own",
  // Issue 13: division officers, notices and the reminder ladder.
  "read:dashboard:division",
  "remark:action-item:division",
  "read:notices:own",
  "manage:reminders:any",
  "read:notice-audit:any",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OFFICER: Permission[] = ["read:action-item:own", "update:action-item:own", "request:extension:own", "update:password:own", "read:notices:own"];

/** Reads its side of its division ("own" is the scope of scope.server.ts), remarks, changes no status. */
const DIVISION_OFFICER: Permission[] = [
  "read:action-item:own",
  "read:dashboard:division",
  "remark:action-item:division",
  "update:password:own",
  "read:notices:own",
];

const READER: Permission[] = [
  "read:meeting:any",
  "read:action-item:any",
  "read:dashboard:any",
  "read:report:any",
  "update:password:own",
  "read:notices:own",
];

const SECRETARIAT: Permission[] = [
  ...READER,
  "write:meeting:any",
  "publish:meeting:any",
  "verify:action-item:any",
  "decide:extension:any",
  "manage:master-data:any",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set<Permission>([...SECRETARIAT, "manage:users:any", "read:audit:any", "manage:reminders:any", "read:notice-audit:any"]),
  SECRETARIAT: new Set(SECRETARIAT),
  OFFICIAL: new Set(READER),
  DISTRICT_OFFICER: new Set(OFFICER),
  DEPARTMENT_OFFICER: new Set(OFFICER),
  DIVISION_OFFICER: new Set(DIVISION_OFFICER),
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? ROLE_PERMISSIONS[role].has(permission) : false;
}
