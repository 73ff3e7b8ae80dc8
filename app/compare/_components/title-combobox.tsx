"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from "react";
import { cn } from "~/app/_components/ui/cn";
import { Input } from "~/app/_components/ui/input";
import type { CompareChoices } from "~/server/domain/compare";

type Option = { item: string; label: string; detail: string };

/**
 * The title search of one compare slot. Before script (and without it) a plain text box: "Find"
 * lists matches on the server. Once the page is interactive it becomes an ARIA 1.2 combobox with a
 * list of matches as you type (arrow keys, Enter to pick, Escape to close); a match picked goes into
 * the form as `r<slot>`, as a radio of the server's list would.
 */
export function TitleCombobox({
  slot,
  defaultValue,
  maxLength,
  describedBy,
  invalid,
  className,
}: {
  slot: number;
  defaultValue: string;
  maxLength: number;
  describedBy?: string;
  invalid?: boolean;
  className?: string;
}) {
  const t = useTranslations("compare");
  const listId = useId();
  const [enhanced, setEnhanced] = useState(false);
  const [text, setText] = useState(defaultValue);
  const [debounced, setDebounced] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<Option | null>(null);

  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim().slice(0, maxLength)), 250);
    return () => clearTimeout(timer);
  }, [text, maxLength]);

  const enabled = enhanced && open && !picked && debounced.length >= 2;
  // The matches for what was typed: fetched by a module loaded on first use, not with the page.
  const [found, setFound] = useState<{ q: string; choices: CompareChoices | null } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    import("./compare-choices")
      .then((m) => m.fetchChoices(debounced))
      .then(
        (choices) => live && setFound({ q: debounced, choices }),
        () => live && setFound({ q: debounced, choices: null }),
      );
    return () => {
      live = false;
    };
  }, [enabled, debounced]);
  const current = found?.q === debounced ? found : null;
  const options = useMemo(() => (current?.choices ? optionsOf(current.choices, t) : []), [current, t]);
  const expanded = enabled && options.length > 0;

  const choose = (option: Option) => {
    setPicked(option);
    setText(option.label);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) setOpen(true);
      if (!options.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      // Enter picks the highlighted match; with a match picked it compares; otherwise it searches
      // for this slot (without script, Enter presses the form's first button, the first slot's Find).
      event.preventDefault();
      if (expanded && active >= 0 && options[active]) choose(options[active]);
      else if (picked) event.currentTarget.form?.requestSubmit();
      else event.currentTarget.form?.requestSubmit(document.getElementById(`find${slot}`) as HTMLButtonElement | null);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const status = !enabled
    ? ""
    : !current
      ? t("comboboxSearching")
      : options.length
        ? t("comboboxCount", { count: options.length })
        : t("matchesNone", { q: debounced });

  return (
    <div className={cn("relative", className)}>
      <Input
        type="text"
        id={`q${slot}`}
        name={`q${slot}`}
        value={text}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        className="w-full"
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          setText(event.target.value);
          setPicked(null);
          setOpen(true);
          setActive(-1);
        }}
        {...(enhanced
          ? {
              role: "combobox",
              "aria-autocomplete": "list" as const,
              "aria-expanded": expanded,
              "aria-controls": listId,
              "aria-activedescendant": expanded && active >= 0 ? `${listId}-${active}` : undefined,
              onKeyDown,
              onBlur: () => setOpen(false),
              onFocus: () => !picked && setOpen(true),
            }
          : {})}
      />
      {/* Sent only once a match is picked here; a disabled input is not submitted. */}
      <input type="hidden" name={`r${slot}`} value={picked?.item ?? ""} disabled={!picked} />
      {enhanced ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={t("comboboxLabel", { number: slot })}
          hidden={!expanded}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-80 overflow-y-auto border-2 border-foreground bg-background shadow-lg"
        >
          {options.map((o, i) => (
            <li
              key={o.item}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the input must not lose focus (and close the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(o);
              }}
              onMouseMove={() => setActive(i)}
              className={cn("cursor-pointer px-3 py-2", i === active && "bg-foreground text-background")}
            >
              {o.label}
              <span className={cn("block text-sm", i === active ? "text-background" : "text-muted")}>{o.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {picked ? t("comboboxPicked", { label: picked.label }) : status}
      </p>
    </div>
  );
}

function optionsOf(choices: CompareChoices, t: ReturnType<typeof useTranslations<"compare">>): Option[] {
  return [
    ...choices.proposals.flatMap((p) =>
      p.versions.map((v) => ({
        item: v.item,
        label: v.number === p.currentVersion ? t("matchCurrent", { title: v.title, version: v.number }) : t("matchVersion", { title: v.title, version: v.number }),
        detail: t("kind.proposal"),
      })),
    ),
    ...choices.referenceNorms.map((r) => ({ item: r.item, label: r.display, detail: r.document })),
  ];
}
