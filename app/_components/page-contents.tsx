type ContentsItem = { href: string; label: string };

function ContentsList({ items }: { items: ContentsItem[] }) {
  return (
    <ul className="space-y-1">
      {items.map((item) => (
        <li key={item.href}>
          <a href={item.href}>{item.label}</a>
        </li>
      ))}
    </ul>
  );
}

/** "On this page": a list of links to a long page's sections, placed under its header. */
export function PageContents({ id, title, items }: { id: string; title: string; items: ContentsItem[] }) {
  return (
    <nav aria-labelledby={id} className="mb-12 max-w-[42rem]">
      <h2 id={id} className="mb-3 text-xl font-bold">
        {title}
      </h2>
      <ContentsList items={items} />
    </nav>
  );
}

/** The contents list collapsed at the top of a long page on narrow screens (works without script). */
export function ContentsDisclosure({ title, items }: { title: string; items: ContentsItem[] }) {
  return (
    <nav aria-label={title} className="mb-8 lg:hidden" data-testid="contents-collapsed">
      <details className="border-s-4 border-border ps-4">
        <summary className="cursor-pointer py-1 text-lg font-bold">{title}</summary>
        <div className="pt-2 pb-1">
          <ContentsList items={items} />
        </div>
      </details>
    </nav>
  );
}

/** The contents list beside the text on wide screens, staying in view while the page scrolls. */
export function ContentsSticky({ id, title, items }: { id: string; title: string; items: ContentsItem[] }) {
  return (
    <nav
      aria-labelledby={id}
      data-testid="contents-sticky"
      className="hidden border-s-4 border-border ps-4 lg:sticky lg:top-4 lg:block lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
    >
      <h2 id={id} className="mb-2 text-lg font-bold">
        {title}
      </h2>
      <ContentsList items={items} />
    </nav>
  );
}

/**
 * A long page with its contents: collapsed at the top on phones, sticky in a column beside the
 * text on wide screens. The sections the items point at are the children.
 */
export function WithContents({ id, title, items, children }: { id: string; title: string; items: ContentsItem[]; children: React.ReactNode }) {
  return (
    <>
      <ContentsDisclosure title={title} items={items} />
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_13rem] lg:gap-x-10">
        <div className="min-w-0">{children}</div>
        <div className="hidden lg:block">
          <ContentsSticky id={id} title={title} items={items} />
        </div>
      </div>
    </>
  );
}
