import { editorStrings, type EditorStrings } from '../i18n/strings.ts';

/**
 * Scenario files on the user's disk. A file is data: its text is handed to the editor, which only
 * ever reads it with JSON.parse; nothing in it is run.
 */

/** Largest file opened as a scenario (the biggest gallery scenario is 16 KB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Lets the user pick a .json file and returns its name and text, or null when they cancel. Rejects
 * with a message for the user when the file is too large or cannot be read.
 */
export function openScenarioFile(strings: EditorStrings = editorStrings): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.hidden = true;
    const done = () => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      if (!file) {
        resolve(null);
        return;
      }
      if (file.size > MAX_FILE_BYTES) {
        reject(new Error(strings.files.tooLarge(MAX_FILE_BYTES / 1024 / 1024)));
        return;
      }
      file.text().then(
        (text) => resolve({ name: file.name, text: text.replace(/^\uFEFF/, '') }),
        () => reject(new Error(strings.files.unreadable(file.name))),
      );
    });
    // some browsers open the picker only for an input that is in the document
    document.body.append(input);
    input.click();
  });
}

/** Downloads the text as a .json file named after `suggestedName` (made safe for any file system). */
export function saveScenarioFile(text: string, suggestedName: string): void {
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = scenarioFileName(suggestedName);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // some browsers read the blob after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** "Coffee: store/warehouse" -> "Coffee-store-warehouse.json"; always ends in .json, never empty. */
export function scenarioFileName(name: string): string {
  const base = name
    .trim()
    .replace(/\.json$/i, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 120);
  return `${base || 'scenario'}.json`;
}
