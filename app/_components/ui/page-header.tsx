import type * as React from "react";

import { cn } from "./cn";

type PageHeaderProps = Omit<React.ComponentProps<"div">, "title"> & {
  title: React.ReactNode;
  /** Lead paragraph under the heading. */
  description?: React.ReactNode;
  /** Small text above the heading, e.g. the section name (GOV.UK "caption"). */
  caption?: React.ReactNode;
  /** Id for the h1, e.g. to label the main landmark. */
  titleId?: string;
  /** Actions (buttons, links), shown beside the heading on wide screens and below it on narrow ones. */
  children?: React.ReactNode;
};

function PageHeader({
  title,
  description,
  caption,
  titleId,
  children,
  className,
  ...props
}: PageHeaderProps) {
  return (
    <div
      data-slot="page-header"
      className={cn(
        "mb-8 flex flex-col gap-5 sm:mb-10 md:flex-row md:items-start md:justify-between md:gap-8",
        className,
      )}
      {...props}
    >
      <div className="min-w-0 max-w-[42rem] flex-1">
        {caption ? (
          <p data-slot="page-header-caption" className="mb-1 text-lg text-muted sm:text-xl">
            {caption}
          </p>
        ) : null}
        <h1
          id={titleId}
          data-slot="page-header-title"
          className="text-[2rem] leading-[1.09375] font-bold text-balance break-words sm:text-4xl"
        >
          {title}
        </h1>
        {description ? (
          <div
            data-slot="page-header-description"
            className="mt-4 text-lg text-pretty text-foreground sm:mt-6 sm:text-xl"
          >
            {description}
          </div>
        ) : null}
      </div>
      {children ? (
        <div data-slot="page-header-actions" className="flex shrink-0 flex-wrap items-center gap-3 md:pt-2">
          {children}
        </div>
      ) : null}
    </div>
  );
}

export { PageHeader, type PageHeaderProps };
