import Link from "~/app/_components/link";

interface PageLink {
  href: string;
  label: string;
}

/** Previous/next links, GOV.UK style; renders nothing when there is only one page. */
export function Pagination({ label, previous, next }: { label: string; previous: PageLink | null; next: PageLink | null }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="mt-8">
      <ul className="flex flex-wrap justify-between gap-4">
        <li>
          {previous ? (
            <Link href={previous.href} rel="prev" className="font-semibold">
              <span aria-hidden="true" className="me-1 inline-block rtl:-scale-x-100">←</span>
              {previous.label}
            </Link>
          ) : null}
        </li>
        <li>
          {next ? (
            <Link href={next.href} rel="next" className="font-semibold">
              {next.label}
              <span aria-hidden="true" className="ms-1 inline-block rtl:-scale-x-100">→</span>
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
