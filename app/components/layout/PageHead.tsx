import type { ReactNode } from "react";

/** A page's heading with the page's other tasks (links, buttons) beside it; no box for them when there are none. */
export function PageHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-head">
      <h1>{title}</h1>
      {children ? <div className="page-head__actions">{children}</div> : null}
    </div>
  );
}
