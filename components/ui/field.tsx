"use client";

import {
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from "react";
import { useFormStatus } from "react-dom";

type Common = { label: string; name: string; hint?: string; errors?: string[] | undefined };

function describedBy(id: string, hint?: string, errors?: string[]) {
  return (
    [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") ||
    undefined
  );
}

function FieldShell({
  id,
  label,
  name,
  hint,
  errors,
  children,
}: Common & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700" data-field-error={name}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A field's error as the person sees it: gone as soon as they change the field (the next submit
 * judges it again), and after a submit that comes back with errors, the first field in error of
 * the form takes the focus.
 */
function useFieldErrors(errors: string[] | undefined) {
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const [edited, setEdited] = useState(false);
  const { pending } = useFormStatus();
  const submitted = useRef(false);

  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const onSubmit = () => setEdited(false);
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, []);

  useEffect(() => {
    if (pending) {
      submitted.current = true;
      return;
    }
    if (!submitted.current) return;
    submitted.current = false;
    const el = ref.current;
    if (el && errors?.length && el.form?.querySelector('[aria-invalid="true"]') === el) el.focus();
  }, [pending, errors]);

  return { ref, shown: edited ? undefined : errors, edit: () => setEdited(true) };
}

const inputClass =
  "block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 sm:text-sm";

export function Field({
  label,
  name,
  hint,
  errors: given,
  onChange,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { ref, shown: errors, edit } = useFieldErrors(given);
  // Unique on the page: two forms may each have a field of the same name.
  const id = useId();
  return (
    <FieldShell id={id} label={label} name={name} hint={hint} errors={errors}>
      <input
        ref={ref}
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={`${inputClass} ${errors?.length ? "border-red-500" : "border-slate-300"}`}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          edit();
          onChange?.(e);
        }}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  hint,
  errors: given,
  children,
  onChange,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const { ref, shown: errors, edit } = useFieldErrors(given);
  const id = useId();
  return (
    <FieldShell id={id} label={label} name={name} hint={hint} errors={errors}>
      <select
        ref={ref}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => {
          edit();
          onChange?.(e);
        }}
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={`${inputClass} ${errors?.length ? "border-red-500" : "border-slate-300"}`}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}
