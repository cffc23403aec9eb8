"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { createGroupAction } from "@/lib/groups/actions";
import { slugify } from "@/lib/groups/slug";

export function CreateGroupForm() {
  const t = useTranslations("groups");
  const [state, action] = useActionState(createGroupAction, idleState);
  const f = useFormText(state);
  const [name, setName] = useState(f.value("name"));
  const [slug, setSlug] = useState(f.value("slug"));
  const [slugEdited, setSlugEdited] = useState(false);

  return (
    <form action={action} className="space-y-4" noValidate>
      {f.notice()}
      <Field
        label={t("name")}
        name="name"
        required
        maxLength={100}
        placeholder={t("namePlaceholder")}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(slugify(e.target.value));
        }}
        errors={f.errors("name")}
      />
      <Field
        label={t("slug")}
        name="slug"
        hint={t("slugHint")}
        maxLength={40}
        autoCapitalize="none"
        spellCheck={false}
        value={slug}
        onChange={(e) => {
          setSlug(e.target.value);
          setSlugEdited(true);
        }}
        errors={f.errors("slug")}
      />
      <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </form>
  );
}
