import { defaultParseSearch, Link } from '@tanstack/react-router';
import type { AnchorHTMLAttributes } from 'react';

/**
 * A link from an address written as text (the server's pending tasks and notices, the dashboard's report
 * links): TanStack Router's `Link` with its path and search split, so the entity and year being worked on
 * are kept unless the address names others. `aria-current="page"` marks the page that is open.
 */
export function Enlace({ a, children, ...resto }: { a: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const [camino = '/', consulta] = a.split('?');
  return (
    <Link
      to={camino as '/'}
      search={(consulta ? defaultParseSearch(`?${consulta}`) : {}) as never}
      activeOptions={{ exact: true, includeSearch: false }}
      {...resto}
    >
      {children}
    </Link>
  );
}
