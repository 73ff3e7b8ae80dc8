import Link from "~/app/_components/link";

interface PagerLink {
  href: string;
  label: string;
}

/**
 * The links between pages of a list: back (to the first or previous page) on the left, on to the
 * next on the right. Renders nothing when the list fits on one page.
 */
export function Pager({ label, back, next, backRel }: { label: string; back: PagerLink | null; next: PagerLink | null; backRel?: "prev" }) {
  if (!back && !next) return null;
  return (
    <nav aria-label={label} className="mt-8 flex flex-wrap justify-between gap-4">
      {back ? (
        <Link href={back.href} rel={backRel}>
          <span aria-hidden="true" className="me-1 inline-block rtl:-scale-x-100">←</span>
          {back.label}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={next.href} rel="next">
          {next.label}
          <span aria-hidden="true" className="ms-1 inline-block rtl:-scale-x-100">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
