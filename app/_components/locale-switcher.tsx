"use client";

import { Link, usePathname } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";

// A client component only because it needs the current path; it renders plain links, so it works without
// JavaScript once prerendered.
export function LocaleSwitcher(props: {
  label: string;
  current: Locale;
  languages: { code: Locale; name: string }[];
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={props.label} className="locale-switcher">
      <ul>
        {props.languages.map(({ code, name }) => (
          <li key={code}>
            <Link
              href={pathname}
              locale={code}
              lang={code}
              hrefLang={code}
              aria-current={code === props.current ? "true" : undefined}
            >
              {name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
