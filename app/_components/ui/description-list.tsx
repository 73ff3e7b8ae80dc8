import type * as React from "react";

import { cn } from "./cn";

type DescriptionListItem = {
  /** React key; falls back to the index. */
  id?: string;
  term: React.ReactNode;
  details: React.ReactNode;
  /** e.g. a "Change" link. Include visually hidden context for screen readers. */
  actions?: React.ReactNode;
};

type DescriptionListProps = React.ComponentProps<"dl"> & {
  /** Convenience: rows to render. Alternatively compose DescriptionListRow children. */
  items?: readonly DescriptionListItem[];
  /** Remove row borders. */
  borderless?: boolean;
};

/**
 * GOV.UK-style summary list: key/value rows that stack on narrow screens and
 * sit side by side from the `sm` breakpoint.
 */
function DescriptionList({ className, items, borderless = false, children, ...props }: DescriptionListProps) {
  return (
    <dl
      data-slot="description-list"
      data-borderless={borderless ? "" : undefined}
      className={cn("group/dl mb-8 w-full text-base sm:mb-10 sm:text-lg", className)}
      {...props}
    >
      {items?.map((item, index) => (
        <DescriptionListRow key={item.id ?? index}>
          <DescriptionListTerm>{item.term}</DescriptionListTerm>
          <DescriptionListDetails>{item.details}</DescriptionListDetails>
          {item.actions ? <DescriptionListActions>{item.actions}</DescriptionListActions> : null}
        </DescriptionListRow>
      ))}
      {children}
    </dl>
  );
}

function DescriptionListRow({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="description-list-row"
      className={cn(
        "border-b border-border py-3 group-data-borderless/dl:border-b-0 group-data-borderless/dl:py-2",
        "sm:grid sm:grid-cols-[minmax(0,30%)_minmax(0,1fr)_auto] sm:gap-x-5",
        className,
      )}
      {...props}
    />
  );
}

function DescriptionListTerm({ className, ...props }: React.ComponentProps<"dt">) {
  return (
    <dt
      data-slot="description-list-term"
      className={cn("mb-1 font-bold break-words sm:mb-0", className)}
      {...props}
    />
  );
}

function DescriptionListDetails({ className, ...props }: React.ComponentProps<"dd">) {
  return (
    <dd
      data-slot="description-list-details"
      className={cn("min-w-0 break-words [&>p+p]:mt-2", className)}
      {...props}
    />
  );
}

function DescriptionListActions({ className, ...props }: React.ComponentProps<"dd">) {
  return (
    <dd
      data-slot="description-list-actions"
      className={cn("mt-2 flex flex-wrap gap-x-4 gap-y-1 sm:mt-0 sm:justify-end sm:text-end", className)}
      {...props}
    />
  );
}

export {
  DescriptionList,
  DescriptionListRow,
  DescriptionListTerm,
  DescriptionListDetails,
  DescriptionListActions,
  type DescriptionListProps,
  type DescriptionListItem,
};
