import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";

/**
 * A table in its wrapper, which scrolls sideways on a phone. Give it a region name (`label` or
 * `labelledBy`) where it is wide enough to scroll: the wrapper then takes keyboard focus, so
 * a keyboard can scroll it too.
 */
export function DataTable({
  head,
  children,
  className = "data",
  wrapClassName = "table-wrap",
  caption,
  testId,
  label,
  labelledBy,
}: {
  /** The cells of the header row. */
  head: ReactNode;
  /** The body rows. */
  children: ReactNode;
  className?: string;
  wrapClassName?: string;
  caption?: ReactNode;
  testId?: string;
  label?: string;
  labelledBy?: string;
}) {
  const region = label || labelledBy ? { tabIndex: 0, role: "region", "aria-label": label, "aria-labelledby": labelledBy } : {};
  return (
    <div className={wrapClassName} {...region}>
      <table className={className} data-testid={testId}>
        {caption}
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Column headers named by their message keys, in order. */
export function ColumnHeads({ keys }: { keys: MessageKey[] }) {
  const t = useT();
  return (
    <>
      {keys.map((key) => (
        <th key={key} scope="col">
          {t(key)}
        </th>
      ))}
    </>
  );
}
