import { hasModelExtension, MODEL_EXTENSIONS } from './design-names';

/** Larger than any real description (GitHub's REST description is about 12 MB). */
export const MAX_MODEL_BYTES = 50 * 1024 * 1024;

/** A file read for a new design: its text, or why it cannot be one, naming the file. */
export type ModelFileResult =
  { ok: true; fileName: string; text: string } | { ok: false; fileName: string; message: string };

/** The parts of a `File` the checks need, so they run on plain data in tests. */
export interface FileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

/**
 * Checks a file by its name and size before reading it: a model is a YAML or
 * JSON file the server will store under the same extension.
 *
 * @returns a message saying what is wrong and what to do, or undefined when it may be a model
 */
export function refuseByName(file: Pick<FileLike, 'name' | 'size'>): string | undefined {
  if (!hasModelExtension(file.name))
    return `${file.name} is not a model file: choose an OpenAPI or Swagger description ending in ${MODEL_EXTENSIONS.join(', ')}.`;
  if (file.size === 0) return `${file.name} is empty: choose the file that holds the description.`;
  if (file.size > MAX_MODEL_BYTES)
    return `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; a model file is at most ${MAX_MODEL_BYTES / 1024 / 1024} MB.`;
  return undefined;
}

/**
 * Checks a file's text: a NUL or an invalid UTF-8 sequence (read as U+FFFD)
 * means a binary file with a model's name, which no editor could show.
 */
export function refuseByText(fileName: string, text: string): string | undefined {
  if (text.includes('\u0000') || text.includes('\uFFFD'))
    return `${fileName} is not UTF-8 text (it looks binary): save the description as YAML or JSON text and try again.`;
  if (text.trim() === '')
    return `${fileName} holds only white space: choose the file that holds the description.`;
  return undefined;
}

/** Reads a chosen or dropped file as a model, turning every failure into a message. */
export async function readModelFile(file: FileLike): Promise<ModelFileResult> {
  const refused = refuseByName(file);
  if (refused) return { ok: false, fileName: file.name, message: refused };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      fileName: file.name,
      message: `${file.name} could not be read (${reason}); check that it still exists and that you may read it.`,
    };
  }
  const unreadable = refuseByText(file.name, text);
  if (unreadable) return { ok: false, fileName: file.name, message: unreadable };
  return { ok: true, fileName: file.name, text };
}
