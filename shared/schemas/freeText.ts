/**
 * The one zod schema for free text typed by people. Every title, reason, note, name or place in
 * `shared/schemas` is built with it, so the server refuses control characters and broken
 * characters with a Dutch message naming the field, and stores text in one Unicode form (NFC).
 * The rules themselves live in shared/domain/freeText.ts.
 */
import { z } from "zod";
import { freeTextProblem, freeTextProblemMessage, normaliseFreeText } from "../domain/freeText.ts";

export interface FreeTextOptions {
  /** Dutch name of the field with its article, lower case: "de reden", "de titel". */
  label: string;
  max: number;
  /** Minimum length after trimming; 0 allows an empty string. */
  min?: number;
  /** Multi-line fields (reasons, notes) keep line breaks; single-line fields refuse them. */
  multiline?: boolean;
  tooShort?: string;
  tooLong?: string;
}

export function freeText(o: FreeTextOptions) {
  const multiline = o.multiline ?? false;
  const min = o.min ?? 0;
  const Label = o.label.charAt(0).toUpperCase() + o.label.slice(1);
  let schema = z
    .string({ message: `${Label} moet tekst zijn` })
    // CR LF from a Windows paste is a line break, not a control character.
    .overwrite((v) => (multiline ? v.replace(/\r\n?/g, "\n") : v))
    .check((ctx) => {
      const problem = freeTextProblem(ctx.value, { multiline });
      if (problem)
        ctx.issues.push({
          code: "custom",
          message: freeTextProblemMessage(o.label, problem),
          input: ctx.value,
          continue: false,
        });
    })
    .overwrite((v) => normaliseFreeText(v, { multiline }).trim());
  if (min > 0) {
    schema = schema.min(
      min,
      o.tooShort ?? (min > 1 ? `${Label} is te kort (minstens ${min} tekens)` : `Vul ${o.label} in`),
    );
  }
  return schema.max(o.max, o.tooLong ?? `${Label} is te lang (hoogstens ${o.max} tekens)`);
}
