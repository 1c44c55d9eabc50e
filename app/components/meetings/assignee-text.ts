// An assignee line in words: "Collector — all districts", "SP — districts of Jaipur division",
// "Department — Information and Public Relations".
import type { Locale, Translate } from "~/i18n";
import { pickText } from "~/utils/i18n";

export interface AssigneeLineLike {
  districtRole: "COLLECTOR" | "SP" | null;
  scope: "ALL" | "DIVISIONS" | "DISTRICTS" | null;
  department: { nameEn: string; nameHi: string } | null;
  divisions: { nameEn: string; nameHi: string }[];
  districts: { nameEn: string; nameHi: string }[];
}

export function describeAssignee(line: AssigneeLineLike, t: Translate, locale: Locale): string {
  if (line.department) return t("meetings.assignee.departmentLine", { name: pickText(locale, line.department.nameEn, line.department.nameHi) });
  const role = line.districtRole ? t(`districtRole.${line.districtRole}`) : "";
  const names = (list: { nameEn: string; nameHi: string }[]) => list.map((x) => pickText(locale, x.nameEn, x.nameHi)).join(", ");
  switch (line.scope) {
    case "ALL":
      return t("meetings.assignee.allLine", { role });
    case "DIVISIONS":
      return t("meetings.assignee.divisionsLine", { role, names: names(line.divisions) || "—", n: line.divisions.length });
    case "DISTRICTS":
      return t("meetings.assignee.districtsLine", { role, names: names(line.districts) || "—" });
    default:
      return role;
  }
}
