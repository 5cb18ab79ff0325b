/**
 * The embedded fonts of the PDF exports: Source Sans 3 (SIL Open Font License) from the
 * `source-sans` npm package, so a fresh install has them and PDF/A's "all fonts embedded" holds.
 * pdfkit's own standard fonts (Helvetica…) are AFM metrics only and cannot be embedded.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface FontSet {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

let cached: FontSet | undefined;

export function exportFonts(): FontSet {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("source-sans/package.json"));
  const file = (name: string) => {
    const path = join(root, "TTF", name);
    if (!existsSync(path)) throw new Error(`Lettertype ontbreekt: ${path}`);
    return path;
  };
  cached = {
    regular: file("SourceSans3-Regular.ttf"),
    bold: file("SourceSans3-Semibold.ttf"),
    italic: file("SourceSans3-It.ttf"),
    boldItalic: file("SourceSans3-SemiboldIt.ttf"),
  };
  return cached;
}
