import { Link } from "@remix-run/react";

/** The end of a GET filter form: apply, and a link back to the page unfiltered (left out while nothing is filtered). */
export function FilterButtons({
  applyLabel,
  clearLabel,
  clearTo,
  filtered = true,
  className = "filters__buttons",
}: {
  applyLabel: string;
  clearLabel: string;
  /** The page without filters, e.g. "/actions". */
  clearTo: string;
  filtered?: boolean;
  className?: string;
}) {
  return (
    <div className={className}>
      <button type="submit" className="button">
        {applyLabel}
      </button>
      {filtered ? (
        <Link to={clearTo} className="button button--secondary">
          {clearLabel}
        </Link>
      ) : null}
    </div>
  );
}
