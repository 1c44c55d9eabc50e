import { toItems, type Item, type ItemKind, type Lexicon, type Role } from "./lexicon";
import { tokenize } from "./text";
// ---------------------------------------------------------------------------
// Assignees
// ---------------------------------------------------------------------------

/** Roles mentioned together: "जिला कलेक्टर एवं पुलिस अधीक्षक", "Collectors and SPs". */
interface RoleGroup {
  start: number;
  end: number;
  roles: Set<Role>;
  saysAll: boolean;
  places: PlaceList[];
}

/** Places named together: "जयपुर, अजमेर एवं कोटा", "Jaipur and Ajmer divisions". */
interface PlaceList {
  start: number;
  end: number;
  places: { key: string; label: string }[];
  isDivision: boolean;
}

export type RoleValue = "ALL" | string[] | null;

export interface Assignees {
  collectors: RoleValue;
  sps: RoleValue;
  departments: string[];
}

export function findAssignees(text: string, lexicon: Lexicon, warnings: string[]): Assignees {
  const items = toItems(tokenize(text), lexicon);
  const departments = [...new Set(items.flatMap((item) => (item.kind === "department" ? [item.code] : [])))];
  if (!items.some((item) => item.kind === "role")) return { collectors: null, sps: null, departments };

  const groups = findRoleGroups(items);
  const groupsByStart = new Map(groups.map((g) => [g.start, g]));
  const groupsByEnd = new Map(groups.map((g) => [g.end, g]));
  for (const list of findPlaceLists(items)) attachPlaceList(list, groupsByStart, groupsByEnd, items);

  const values: Record<Role, RoleValue[]> = { collector: [], sp: [] };
  for (const group of groups) {
    const value = resolveGroup(group, lexicon, warnings);
    for (const role of group.roles) values[role].push(value);
  }
  return { collectors: mergeRoleValues(values.collector), sps: mergeRoleValues(values.sp), departments };
}

export function kindAt(items: Item[], index: number): ItemKind | undefined {
  return items[index]?.kind;
}

export function skipForward(items: Item[], index: number, kinds: ItemKind[]): number {
  while (index < items.length && kinds.includes(items[index].kind)) index++;
  return index;
}

export function skipBackward(items: Item[], index: number, kinds: ItemKind[]): number {
  while (index >= 0 && kinds.includes(items[index].kind)) index--;
  return index;
}

function findRoleGroups(items: Item[]): RoleGroup[] {
  const groups: RoleGroup[] = [];
  for (let i = 0; i < items.length; i++) {
    const first = items[i];
    if (first.kind !== "role") continue;
    const group: RoleGroup = { start: i, end: i, roles: new Set([first.role]), saysAll: false, places: [] };
    for (;;) {
      const next = skipForward(items, group.end + 1, ["and", "comma", "all", "districtWord"]);
      const item = items[next];
      if (item?.kind !== "role") break;
      if (items.slice(group.end + 1, next).some((x) => x.kind === "all")) group.saysAll = true;
      group.roles.add(item.role);
      group.end = next;
    }
    // "सभी जिला कलेक्टर", "सभी जिलों के कलेक्टर", "all the Collectors"
    group.saysAll ||= kindAt(items, skipBackward(items, i - 1, ["districtWord", "of"])) === "all";
    groups.push(group);
    i = group.end;
  }
  return groups;
}

/** "जयपुर विद्युत वितरण निगम", "Ajmer Discom": the place names an office, not a district. */
function isPlaceOfAnOffice(items: Item[], index: number): boolean {
  const next = kindAt(items, index + 1);
  return next === "department" || next === "organisation";
}

function findPlaceLists(items: Item[]): PlaceList[] {
  const lists: PlaceList[] = [];
  for (let i = 0; i < items.length; i++) {
    const first = items[i];
    if (first.kind !== "place" || isPlaceOfAnOffice(items, i)) continue;
    const list: PlaceList = { start: i, end: i, places: [{ key: first.key, label: first.label }], isDivision: false };
    for (;;) {
      const next = skipForward(items, list.end + 1, ["and", "comma", "districtWord"]);
      const item = items[next];
      if (item?.kind !== "place" || isPlaceOfAnOffice(items, next)) break;
      list.places.push({ key: item.key, label: item.label });
      list.end = next;
    }
    const after = skipForward(items, list.end + 1, ["districtWord"]);
    if (kindAt(items, after) === "divisionWord") {
      list.isDivision = true;
      list.end = after;
    }
    // "divisions of Jaipur and Ajmer"
    if (kindAt(items, skipBackward(items, i - 1, ["of", "districtWord"])) === "divisionWord") list.isDivision = true;
    lists.push(list);
    i = list.end;
  }
  return lists;
}

/**
 * Places count only when written next to a role: before it ("जयपुर एवं अजमेर के
 * कलेक्टर", "Jaipur SPs") or after it ("Collectors of Jaipur", "जिला कलेक्टर, जयपुर").
 * A district named anywhere else in the point is just part of the text.
 */
function attachPlaceList(list: PlaceList, groupsByStart: Map<number, RoleGroup>, groupsByEnd: Map<number, RoleGroup>, items: Item[]): void {
  const following = skipForward(items, list.end + 1, ["of", "districtWord", "all"]);
  groupsByStart.get(following)?.places.push(list);

  const preceding = skipBackward(items, list.start - 1, ["of", "comma", "districtWord"]);
  const before = groupsByEnd.get(preceding);
  // "सभी कलेक्टर जयपुर में रिपोर्ट भेजें": with "all", a following city is where, not who.
  if (before && (!before.saysAll || list.isDivision)) before.places.push(list);
}

function resolveGroup(group: RoleGroup, lexicon: Lexicon, warnings: string[]): RoleValue {
  if (group.places.length === 0) return "ALL";
  const codes: string[] = [];
  for (const list of group.places) {
    for (const place of list.places) {
      const resolved = list.isDivision
        ? lexicon.divisionsByKey.get(place.key)
        : lexicon.districtsByKey.has(place.key)
          ? [lexicon.districtsByKey.get(place.key)!]
          : lexicon.divisionsByKey.get(place.key);
      if (resolved) codes.push(...resolved);
      else warnings.push(`division "${place.label}" not found; choose its districts by hand`);
    }
  }
  return codes.length > 0 ? [...new Set(codes)] : null;
}

function mergeRoleValues(values: RoleValue[]): RoleValue {
  if (values.includes("ALL")) return "ALL";
  const codes = values.flatMap((v) => (Array.isArray(v) ? v : []));
  return codes.length > 0 ? [...new Set(codes)] : null;
}

export function hasAssignee(assignees: Assignees): boolean {
  return assignees.collectors !== null || assignees.sps !== null || assignees.departments.length > 0;
}
