import { useCallback, useState } from 'react';

const STORAGE_KEY = 'gatewright.deploy.runSandboxStraightAway';

/** The stored setting; on unless the person turned it off (or storage is unreadable). */
export function readRunStraightAway(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(STORAGE_KEY) !== 'false';
  } catch {
    return true;
  }
}

/**
 * "Run sandbox deploys straight away": remembered in localStorage across
 * designs and visits, default on. A storage that refuses writes (private
 * mode, full) keeps the choice for this page only.
 */
export function useRunStraightAway(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() =>
    readRunStraightAway(typeof localStorage === 'undefined' ? undefined : localStorage),
  );
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(STORAGE_KEY, String(next));
    } catch {
      // Not remembered; the choice still holds while the page is open.
    }
  }, []);
  return [on, set];
}
