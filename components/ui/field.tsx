import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type Common = { label: string; name: string; hint?: string; errors?: string[] | undefined };

function describedBy(name: string, hint?: string, errors?: string[]) {
  return (
    [hint ? `${name}-hint` : "", errors?.length ? `${name}-error` : ""].filter(Boolean).join(" ") ||
    undefined
  );
}

function FieldShell({ label, name, hint, errors, children }: Common & { children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-sm text-red-700" data-field-error={name}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const inputClass =
  "block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 sm:text-sm";

export function Field({
  label,
  name,
  hint,
  errors,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} name={name} hint={hint} errors={errors}>
      <input
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        className={`${inputClass} ${errors?.length ? "border-red-500" : "border-slate-300"}`}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  hint,
  errors,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} name={name} hint={hint} errors={errors}>
      <select
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        className={`${inputClass} ${errors?.length ? "border-red-500" : "border-slate-300"}`}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}
