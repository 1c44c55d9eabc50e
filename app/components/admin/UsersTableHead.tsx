// Parts the account pages share: the header cells of a table of accounts (the list, the accounts an
// import created) and the link back to the list.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** Name, username, role, works for, and the page's own last column (status, or the one-time password). */
export function UsersTableColumns({ last }: { last: string }) {
  const t = useT();
  return (
    <>
      <th scope="col">{t("users.colName")}</th>
      <th scope="col">{t("users.colUsername")}</th>
      <th scope="col">{t("users.colRole")}</th>
      <th scope="col">{t("users.colWorksFor")}</th>
      <th scope="col">{last}</th>
    </>
  );
}

/** The link back to the list of accounts, as its own paragraph. */
export function BackToUsers() {
  const t = useT();
  return (
    <p>
      <Link to="/admin/users">{t("user.backToList")}</Link>
    </p>
  );
}
