import type { AnchorHTMLAttributes, MouseEvent } from 'react';

interface AppLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  navigate(path: string): void;
}

/**
 * A link to another page of the STL's area: a real link (it opens in a new tab, and reads as a link), followed
 * without reloading the page on a plain click.
 */
export function AppLink({ href, navigate, onClick, ...rest }: AppLinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
