/** "On this page": a list of links to a long page's sections, placed under its header. */
export function PageContents({ id, title, items }: { id: string; title: string; items: { href: string; label: string }[] }) {
  return (
    <nav aria-labelledby={id} className="mb-12 max-w-[42rem]">
      <h2 id={id} className="mb-3 text-xl font-bold">
        {title}
      </h2>
      <ul className="space-y-1">
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
