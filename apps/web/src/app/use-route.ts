import { useCallback, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './routes';

const NAVIGATE_EVENT = 'gatewright:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;

/** Moves to another page of the app without reloading it. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current route, following history changes. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, currentPath);
  return parseRoute(pathname);
}

/**
 * Click handler for in-app links: a plain click navigates in place, while
 * modified clicks (new tab, new window) keep the browser's behaviour.
 */
export function useLinkClick(path: string) {
  return useCallback(
    (event: React.MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      event.preventDefault();
      navigate(path);
    },
    [path],
  );
}
