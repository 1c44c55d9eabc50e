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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OFFICER: Permission[] = [
  "read:action-item:own",
  "update:action-item:own",
  "request:extension:own",
  "update:password:own",
];

const READER: Permission[] = [
  "read:meeting:any",
  "read:action-item:any",
  "read:dashboard:any",
  "read:report:any",
  "update:password:own",
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
  ADMIN: new Set<Permission>([...SECRETARIAT, "manage:users:any", "read:audit:any"]),
  SECRETARIAT: new Set(SECRETARIAT),
  OFFICIAL: new Set(READER),
  DISTRICT_OFFICER: new Set(OFFICER),
  DEPARTMENT_OFFICER: new Set(OFFICER),
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? ROLE_PERMISSIONS[role].has(permission) : false;
}
