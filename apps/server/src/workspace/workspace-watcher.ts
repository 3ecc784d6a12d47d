import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { designFileFor } from '@gatewright/core';
import { scanWorkspace } from './scan-workspace';

/** What changed: workspace-relative, `/`-separated paths, or `'all'` when the watcher cannot say. */
export type WorkspaceChanges = ReadonlySet<string> | 'all';

/** What to watch, whom to tell, and how. */
export interface WatchWorkspaceOptions {
  root: string;
  /** Called once things have been quiet for `debounceMillis`. */
  onChange: (changes: WorkspaceChanges) => void;
  /** @default 100 */
  debounceMillis?: number;
  /** Interval between scans when polling. @default 500 */
  pollMillis?: number;
  /**
   * `'events'` uses the operating system's file events, one watcher per folder,
   * and falls back to polling when they are not available; `'poll'` always polls.
   * @default 'events'
   */
  mode?: 'events' | 'poll';
}

/** Beyond this many folders, per-folder watchers cost more than a poll. */
const MAX_WATCHED_FOLDERS = 2000;
/** A steady stream of changes still reports at least this often. */
const MAX_WAIT_MILLIS = 1000;

/**
 * Notices changes to files in the workspace, by the store or outside it (an
 * editor, `git pull`). Folders are watched one by one rather than with
 * `recursive: true`, which on Linux in Node 20 watches every file, `node_modules`
 * and `.git` included; dot-folders and `node_modules` are skipped, as the scan
 * skips them.
 *
 * @returns a function that stops watching
 */
export function watchWorkspace(options: WatchWorkspaceOptions): () => void {
  const debounceMillis = options.debounceMillis ?? 100;
  let pending: Set<string> | 'all' = new Set();
  let timer: NodeJS.Timeout | undefined;
  let firstPendingAt = 0;
  let stopped = false;

  const flush = () => {
    timer = undefined;
    const changes = pending;
    pending = new Set();
    if (changes === 'all' || changes.size > 0) options.onChange(changes);
  };
  const report = (path: string | 'all') => {
    if (stopped) return;
    if (path === 'all') pending = 'all';
    else if (pending !== 'all') pending.add(path);
    const now = Date.now();
    if (timer === undefined) firstPendingAt = now;
    else clearTimeout(timer);
    const wait = Math.min(debounceMillis, Math.max(0, firstPendingAt + MAX_WAIT_MILLIS - now));
    timer = setTimeout(flush, wait);
    timer.unref();
  };

  const stopSource =
    options.mode === 'poll'
      ? pollWorkspace(options.root, options.pollMillis ?? 500, report)
      : watchFolders(options.root, report, () =>
          pollWorkspace(options.root, options.pollMillis ?? 500, report),
        );
  return () => {
    stopped = true;
    stopSource();
    if (timer !== undefined) clearTimeout(timer);
  };
}

function watchFolders(
  root: string,
  report: (path: string | 'all') => void,
  fallBack: () => () => void,
): () => void {
  const watchers = new Map<string, FSWatcher>();
  let stopFallback: (() => void) | undefined;
  let stopped = false;

  const giveUp = () => {
    if (stopFallback || stopped) return;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    stopFallback = fallBack();
  };

  const addFolder = async (relative: string): Promise<void> => {
    if (stopped || stopFallback || watchers.has(relative)) return;
    if (watchers.size >= MAX_WATCHED_FOLDERS) return giveUp();
    const absolute = relative === '' ? root : join(root, ...relative.split('/'));
    let watcher: FSWatcher;
    try {
      watcher = watch(absolute, { persistent: false }, (_event, name) =>
        onEvent(relative, name === null ? null : String(name)),
      );
    } catch (error) {
      // A folder gone before it could be watched is simply not there; anything else
      // (no inotify watches left, no file events on this platform) means polling.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      return giveUp();
    }
    // A watcher that fails may miss changes from now on: polling cannot.
    watcher.on('error', giveUp);
    watchers.set(relative, watcher);
    let entries;
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && isScanned(entry.name))
        await addFolder(relative === '' ? entry.name : `${relative}/${entry.name}`);
    }
  };

  const onEvent = (folder: string, name: string | null) => {
    if (name === null) return report('all');
    const path = folder === '' ? name : `${folder}/${name}`;
    if (!isScanned(name)) return;
    report(path);
    // A new folder (`git pull`, a moved-in tree) may arrive with models inside.
    void stat(join(root, ...path.split('/'))).then(
      (info) => {
        if (info.isDirectory() && !watchers.has(path)) {
          report('all');
          void addFolder(path);
        }
      },
      () => {
        for (const [watched, watcher] of watchers) {
          if (watched === path || watched.startsWith(path + '/')) {
            watcher.close();
            watchers.delete(watched);
          }
        }
      },
    );
  };

  void addFolder('');
  return () => {
    stopped = true;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    stopFallback?.();
  };
}

/**
 * Scans the workspace every `intervalMillis` and reports the model paths whose
 * model or design file changed (size, modification time or inode) since the last scan.
 */
function pollWorkspace(
  root: string,
  intervalMillis: number,
  report: (path: string) => void,
): () => void {
  let previous: Map<string, string> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const poll = async () => {
    const current = new Map<string, string>();
    try {
      for (const { id } of (await scanWorkspace(root)).candidates) {
        current.set(
          id,
          (await signature(join(root, ...id.split('/')))) +
            '|' +
            (await signature(join(root, ...designFileFor(id).split('/')))),
        );
      }
    } catch {
      // The next poll tries again; a half-finished scan must not report deletions.
      return schedule();
    }
    if (previous) {
      for (const [id, sign] of current) if (previous.get(id) !== sign) report(id);
      for (const id of previous.keys()) if (!current.has(id)) report(id);
    }
    previous = current;
    schedule();
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void poll(), intervalMillis);
    timer.unref();
  };
  void poll();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

async function signature(path: string): Promise<string> {
  try {
    const info = await stat(path);
    return `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
  } catch {
    return '-';
  }
}

function isScanned(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}
