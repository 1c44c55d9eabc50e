// Submit buttons that say which of a page's posts they make, by the field `intent` the action
// reads: a button that sends it as its own value (a form with more than one outcome), and a
// POST form that is one button with the intent in a hidden field.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/** How a button looks besides the plain "button": a lesser choice, a destructive one, or a quiet one. */
export type ButtonLook = "secondary" | "danger" | "quiet";

function buttonClass(look: ButtonLook | undefined): string {
  return look ? `button button--${look}` : "button";
}

/** A submit button that posts intent=<intent>; disabled while `busy`. */
export function IntentButton({ intent, look, busy, children }: { intent: string; look?: ButtonLook; busy?: boolean; children: ReactNode }) {
  return (
    <button type="submit" name="intent" value={intent} className={buttonClass(look)} disabled={busy}>
      {children}
    </button>
  );
}

/** A POST form of one button that posts intent=<intent>; what it holds (e.g. a hint) follows the button. */
export function IntentForm({
  intent,
  label,
  look,
  busy,
  id,
  className,
  children,
}: {
  intent: string;
  label: string;
  look?: ButtonLook;
  busy?: boolean;
  id?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <Form method="post" id={id} className={className}>
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={buttonClass(look)} disabled={busy}>
        {label}
      </button>
      {children}
    </Form>
  );
}
