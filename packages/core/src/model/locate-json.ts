import { escapePointerToken } from '../json';
import { positionIn } from './text-positions';
import type { TextPosition } from './types';

/**
 * Finds JSON pointers in JSON text that `JSON.parse` has already accepted, so
 * the importer never pays for positions it does not report. The first look-up
 * indexes where every object and array ends and where lines start (one pass
 * over the text); after that, each container on the way to a pointer is
 * scanned once, member by member, jumping over nested containers, and its
 * members' offsets cached. So a look-up costs the members of the containers
 * it passes through, not their text, and findings deep in a multi-megabyte
 * description stay cheap.
 *
 * A member's position is its key's (where a person looks for `"get"`); an array
 * element's or the root's is the value's.
 */
export function jsonLocator(text: string): (pointer: string) => TextPosition | undefined {
  let index: TextIndex | undefined;
  /** Where each known pointer's value starts. */
  const valueAt = new Map<string, number>();
  /** Where each known pointer is reported: the key for members. */
  const reportAt = new Map<string, number>();
  const scanned = new Set<string>();

  const root = skipSpace(text, 0);
  valueAt.set('', root);
  reportAt.set('', root);

  function scanChildren(ptr: string, start: number): void {
    scanned.add(ptr);
    const { endOf } = (index ??= indexText(text));
    const open = text[start];
    let i = skipSpace(text, start + 1);
    if (open === '{') {
      while (text[i] === '"') {
        const keyEnd = skipString(text, i);
        const raw = text.slice(i + 1, keyEnd - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
        const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
        const child = ptr + '/' + escapePointerToken(key);
        // Duplicate keys: JSON.parse keeps the last, so the last one wins here too.
        valueAt.set(child, valueStart);
        reportAt.set(child, i);
        i = skipSpace(text, skipValue(text, valueStart, endOf));
        if (text[i] === ',') i = skipSpace(text, i + 1);
      }
    } else if (open === '[') {
      for (let index = 0; i < text.length && text[i] !== ']'; index++) {
        valueAt.set(`${ptr}/${index}`, i);
        reportAt.set(`${ptr}/${index}`, i);
        i = skipSpace(text, skipValue(text, i, endOf));
        if (text[i] === ',') i = skipSpace(text, i + 1);
      }
    }
  }

  function find(ptr: string): number | undefined {
    const known = reportAt.get(ptr);
    if (known !== undefined) return known;
    const cut = ptr.lastIndexOf('/');
    if (cut === -1) return undefined;
    const parent = ptr.slice(0, cut);
    if (find(parent) === undefined || scanned.has(parent)) return reportAt.get(ptr);
    scanChildren(parent, valueAt.get(parent)!);
    return reportAt.get(ptr);
  }

  return (ptr) => {
    // RFC 6901 escaping is unique, so pointers and cached keys compare as strings.
    const offset = find(ptr);
    return offset === undefined
      ? undefined
      : positionIn((index ??= indexText(text)).lineStarts, offset);
  };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // JSON's whitespace, and a leading byte order mark.
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) break;
    i++;
  }
  return i;
}

/** `i` at an opening quote; returns the offset after the closing one. */
function skipString(text: string, i: number): number {
  // indexOf runs natively: strings are most of a description's text.
  for (let j = text.indexOf('"', i + 1); j !== -1; j = text.indexOf('"', j + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return j + 1;
  }
  return text.length;
}

/** What one pass over JSON text finds: where containers end, and where lines start. */
interface TextIndex {
  /** The offset after the closing bracket of the object or array that opens at `start`. */
  endOf(start: number): number;
  lineStarts: number[];
}

/**
 * Indexes JSON text in one pass: each container's end by its start (then a
 * binary search per container skipped), and the line starts, which in JSON
 * lie outside strings, so the pass that steps over strings finds them too.
 */
function indexText(text: string): TextIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  const open: number[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) lineStarts.push(i + 1);
    else if (c === 0x22) i = skipString(text, i) - 1;
    else if (c === 0x7b || c === 0x5b) {
      open.push(starts.length);
      starts.push(i);
      ends.push(text.length);
    } else if (c === 0x7d || c === 0x5d) {
      const index = open.pop();
      if (index !== undefined) ends[index] = i + 1;
    }
  }
  const endOf = (start: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < start) low = mid + 1;
      else high = mid;
    }
    return starts[low] === start ? ends[low]! : text.length;
  };
  return { endOf, lineStarts };
}

/** `i` at a value's first character; returns the offset after it. */
function skipValue(text: string, i: number, endOf: (start: number) => number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === '{' || c === '[') return endOf(i);
  while (i < text.length && !',}] \n\r\t'.includes(text[i]!)) i++;
  return i;
}
