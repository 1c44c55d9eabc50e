import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { ZodTypeAny } from "zod";
import type { MessageKey } from "~/i18n";

/**
 * react-hook-form with the form's zod schema: the browser checks the fields before sending,
 * then the <Form> itself is submitted (so it also works without JavaScript) and the action
 * checks again with the same schema. Messages are dictionary keys.
 */
export function useZodForm<TInput extends FieldValues>(
  schema: ZodTypeAny,
  options: { defaultValues: DefaultValues<TInput>; serverErrors?: Partial<Record<string, MessageKey>> },
) {
  const form = useForm<TInput>({
    // The schema's output (trimmed, transformed) is for the server; the browser submits the form as typed.
    resolver: zodResolver(schema) as unknown as Resolver<TInput>,
    defaultValues: options.defaultValues,
    mode: "onTouched",
  });
  const submit = useSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void form.handleSubmit(() => {
      submit(submitter instanceof HTMLButtonElement ? submitter : formElement);
    })(event);
  }

  /** The field's message key: the browser's own check first, then the server's answer. */
  function errorOf(name: Path<TInput>): MessageKey | undefined {
    const own = form.getFieldState(name, form.formState).error?.message;
    return (own as MessageKey | undefined) ?? options.serverErrors?.[name];
  }

  return { ...form, onSubmit, errorOf };
}
