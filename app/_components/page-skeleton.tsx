import type * as React from "react";
import { Skeleton } from "./ui/skeleton";

export type SkeletonShape = "list" | "article" | "report";
type Shape = SkeletonShape;

/**
 * What a page shows while the next page loads (NavigationSkeleton): grey blocks in the page's shape
 * for the eye, and a polite "Loading…" status for assistive technology; the blocks themselves are
 * hidden from it.
 */
export function PageSkeleton({ label, shape = "list" }: { label: string; shape?: Shape }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="page-skeleton">
      <span className="sr-only">{label}</span>
      <Skeleton className="mb-4 h-10 w-3/4 sm:w-1/2" />
      <Skeleton className="mb-10 h-6 w-full max-w-[42rem]" />
      {shape === "list" ? <ListBlocks /> : <ArticleBlocks wide={shape === "report"} />}
    </div>
  );
}

function ListBlocks() {
  return (
    <ol aria-hidden="true" className="border-t border-border">
      {[0, 1, 2, 3, 4].map((i) => (
        <li key={i} className="border-b border-border py-5">
          <Skeleton className="mb-3 h-6 w-2/3" />
          <Skeleton className="h-4 w-full max-w-[36rem]" />
        </li>
      ))}
    </ol>
  );
}

function ArticleBlocks({ wide }: { wide: boolean }) {
  const lines: React.ReactNode[] = [];
  for (let i = 0; i < 8; i++) lines.push(<Skeleton key={i} className={i % 4 === 3 ? "mb-6 h-4 w-1/2" : "mb-3 h-4 w-full"} />);
  return (
    <div aria-hidden="true" className="lg:grid lg:grid-cols-[14rem_1fr] lg:gap-10">
      <Skeleton className="mb-8 hidden h-48 lg:block" />
      <div className={wide ? "" : "max-w-[42rem]"}>
        <Skeleton className="mb-5 h-8 w-1/3" />
        {lines}
      </div>
    </div>
  );
}
