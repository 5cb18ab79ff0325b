import { describe, expect, it } from "vitest";
import { freeTextProblem, normaliseFreeText, unstorableCharAt } from "./freeText.ts";
import { freeText } from "../schemas/freeText.ts";

describe("free text rules", () => {
  it("refuses every C0 control except tab (and line feed in multi-line text), DEL and C1 controls", () => {
    for (let c = 0; c < 0xa0; c++) {
      if (c >= 0x20 && c < 0x7f) continue;
      const s = `ab${String.fromCharCode(c)}cd`;
      const single = freeTextProblem(s, { multiline: false });
      const multi = freeTextProblem(s, { multiline: true });
      expect(single === null, `U+${c.toString(16)} single`).toBe(c === 0x09);
      expect(multi === null, `U+${c.toString(16)} multi`).toBe(c === 0x09 || c === 0x0a);
      if (single) expect(single).toEqual({ kind: "control", index: 3, codePoint: c });
    }
  });

  it("refuses lone surrogates, keeps paired ones (emoji outside the BMP), counting characters not code units", () => {
    expect(freeTextProblem("😀x\ud800", { multiline: false })).toEqual({ kind: "lone_surrogate", index: 3 });
    expect(freeTextProblem("x\udc00", { multiline: false })).toEqual({ kind: "lone_surrogate", index: 2 });
    expect(freeTextProblem("\ud83d", { multiline: true })).toEqual({ kind: "lone_surrogate", index: 1 });
    expect(freeTextProblem("😀 👩‍👩‍👧 𝄞", { multiline: false })).toBeNull();
  });

  it("normalises to NFC, and line ends to LF in multi-line text", () => {
    expect(normaliseFreeText("e\u0301", { multiline: false })).toBe("\u00e9");
    expect(normaliseFreeText("a\r\nb\rc", { multiline: true })).toBe("a\nb\nc");
  });

  it("finds what the database cannot give back unchanged: NUL and lone surrogates only", () => {
    expect(unstorableCharAt("ab\u0000")).toBe(2);
    expect(unstorableCharAt("a\ud800b")).toBe(1);
    expect(unstorableCharAt("a\u0001\t\n😀")).toBe(-1);
  });
});

describe("freeText schema", () => {
  const reason = freeText({ label: "de reden", min: 3, max: 20, multiline: true });
  const title = freeText({ label: "de titel", min: 3, max: 20 });

  it("gives a Dutch message naming the field and the place of the character", () => {
    expect(reason.safeParse("ab\u0000cd").error?.issues).toEqual([
      expect.objectContaining({
        message: "De reden bevat op plaats 3 een onzichtbaar stuurteken (U+0000). Haal het weg en probeer het opnieuw.",
      }),
    ]);
    expect(title.safeParse("ab\ncd").error?.issues[0]?.message).toBe(
      "De titel bevat op plaats 3 een regeleinde; dat kan hier niet. Zet de tekst op één regel.",
    );
    expect(title.safeParse("ab\ud800").error?.issues[0]?.message).toMatch(
      /^De titel bevat op plaats 3 een onvolledig teken/,
    );
    expect(title.safeParse(42).error?.issues[0]?.message).toBe("De titel moet tekst zijn");
  });

  it("trims, normalises to NFC and keeps tab, newline and emoji", () => {
    expect(reason.parse("  e\u0301\t😀\r\nx  ")).toBe("\u00e9\t😀\nx");
    expect(title.parse("Cafe\u0301 😀")).toBe("Caf\u00e9 😀");
  });

  it("checks length after trimming", () => {
    expect(title.safeParse("  ab  ").success).toBe(false);
    expect(title.safeParse("x".repeat(21)).success).toBe(false);
  });
});
