"use client";

import { useEffect, useRef } from "react";

/**
 * GOV.UK confirmation panel: the page's heading once a task is done. Focus moves to it so a
 * screen reader announces the outcome that replaced the form.
 */
export function ConfirmationPanel({ title, children }: { title: React.ReactNode; children?: React.ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mb-8 bg-success p-6 text-center text-success-foreground sm:mb-10 sm:p-9">
      <h1 ref={heading} tabIndex={-1} className="text-[2rem] leading-tight font-bold text-balance text-success-foreground shadow-none outline-none sm:text-5xl">
        {title}
      </h1>
      {children ? <div className="mt-4 text-xl break-words sm:mt-6 sm:text-2xl">{children}</div> : null}
    </div>
  );
}
