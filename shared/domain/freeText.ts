/**
 * Rules for free text people type (titles, reasons, notes, names, places). Shared by the zod
 * schemas (refuse with a Dutch message) and by the audit log (refuse what could not be stored
 * byte-for-byte, so the stored event always equals the hashed event).
 *
 * Why these characters:
 * - U+0000 (NUL) is kept by SQLite on write but cuts a TEXT value short on read, so a stored
 *   event would read back different from the one that was hashed.
 * - A lone (unpaired) UTF-16 surrogate cannot be encoded as UTF-8: it is silently replaced by
 *   U+FFFD on write, while JSON.stringify hashes it as the escape "\ud800".
 * - The other C0 controls (and DEL and the C1 controls) are invisible, have no meaning in a
 *   title or a reason, and can make one text look like another.
 * Multi-line fields keep tab and line feed (CR LF and CR become LF); single-line fields keep
 * only tab, which a paste from a spreadsheet often brings along.
 */

export type TextProblem =
  { kind: "control"; index: number; codePoint: number } | { kind: "lone_surrogate"; index: number };

/** First character a free-text field may not hold, or null. `index` counts characters from 1. */
export function freeTextProblem(value: string, options: { multiline: boolean }): TextProblem | null {
  let index = 0;
  for (let i = 0; i < value.length; i++) {
    index++;
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { kind: "lone_surrogate", index };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { kind: "lone_surrogate", index };
    if (c === 0x09 || (options.multiline && c === 0x0a)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return { kind: "control", index, codePoint: c };
  }
  return null;
}

/** Index of the first character the database cannot store and give back unchanged (NUL, lone surrogate), or -1. */
export function unstorableCharAt(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/** Line ends to LF (multi-line only), then Unicode NFC, so "é" typed two ways is stored one way. */
export function normaliseFreeText(value: string, options: { multiline: boolean }): string {
  const lines = options.multiline ? value.replace(/\r\n?/g, "\n") : value;
  return lines.normalize("NFC");
}

/** Dutch explanation of a problem, starting with the field's label ("De reden …"). */
export function freeTextProblemMessage(label: string, problem: TextProblem): string {
  const subject = label.charAt(0).toUpperCase() + label.slice(1);
  if (problem.kind === "lone_surrogate") {
    return `${subject} bevat op plaats ${problem.index} een onvolledig teken, bijvoorbeeld een half gekopieerde emoji. Haal het weg en probeer het opnieuw.`;
  }
  if (problem.codePoint === 0x0a || problem.codePoint === 0x0d) {
    return `${subject} bevat op plaats ${problem.index} een regeleinde; dat kan hier niet. Zet de tekst op één regel.`;
  }
  const code = `U+${problem.codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  return `${subject} bevat op plaats ${problem.index} een onzichtbaar stuurteken (${code}). Haal het weg en probeer het opnieuw.`;
}
