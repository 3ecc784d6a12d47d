import { escapePointerToken } from '../json';
import { offsetToPosition } from './text-positions';
import type { TextPosition } from './types';

/**
 * Finds JSON pointers in JSON text that `JSON.parse` has already accepted, so
 * the importer never pays for positions it does not report. Each container on
 * the way to a pointer is scanned once and its members' offsets cached: many
 * look-ups cost about one pass over the parts of the text they touch.
 *
 * A member's position is its key's (where a person looks for `"get"`); an array
 * element's or the root's is the value's.
 */
export function jsonLocator(text: string): (pointer: string) => TextPosition | undefined {
  const position = offsetToPosition(text);
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
        i = skipSpace(text, skipValue(text, valueStart));
        if (text[i] === ',') i = skipSpace(text, i + 1);
      }
    } else if (open === '[') {
      for (let index = 0; i < text.length && text[i] !== ']'; index++) {
        valueAt.set(`${ptr}/${index}`, i);
        reportAt.set(`${ptr}/${index}`, i);
        i = skipSpace(text, skipValue(text, i));
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
    return offset === undefined ? undefined : position(offset);
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
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
  return text.length;
}

/** `i` at a value's first character; returns the offset after it. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c !== '{' && c !== '[') {
    while (i < text.length && !',}] \n\r\t'.includes(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const d = text[j];
    if (d === '"') j = skipString(text, j) - 1;
    else if (d === '{' || d === '[') depth++;
    else if ((d === '}' || d === ']') && --depth === 0) return j + 1;
  }
  return text.length;
}
