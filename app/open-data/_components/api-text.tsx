import { Fragment } from "react";

/** The OpenAPI document's descriptions: plain sentences with `code` in backticks, nothing else. */
export function ApiText({ children }: { children: string }) {
  return children.split(/(`[^`]+`)/).map((part, i) =>
    part.startsWith("`") && part.endsWith("`") && part.length > 1 ? <code key={i}>{part.slice(1, -1)}</code> : <Fragment key={i}>{part}</Fragment>,
  );
}
