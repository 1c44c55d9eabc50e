// lint-as: app/components/actions/Fixture.tsx
import type { SessionUser } from "~/models/session.server"; // violation
import type { ActionStatus } from "../../../db/schema/enums"; // violation
import { db } from "~/db.server"; // violation
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useT } from "~/utils/i18n";

export function Fixture(props: { user: SessionUser; status: ActionStatus; args?: LoaderFunctionArgs }) {
  const t = useT();
  return <p>{t("nav.meetings") + props.user.id + props.status + String(db)}</p>;
}
