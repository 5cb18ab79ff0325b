import { describe, expect, it } from "vitest";
import { sectionLabel } from "../../shared/domain/planText.ts";
import { htmlToPlanText } from "./htmlToPlanText.ts";

describe("Word documents made from PDF text (their artefacts repaired)", () => {
  const html = [
    "<p>Hoof dstuk 1</p>",
    "<p>Samenwerking met gemeenten</p>",
    "<p>Het samenwerkingsverband en de gemeenten maken</p>",
    "<p>afspraken over thuiszitters.</p>",
    "<p> 1.1.  Leerplicht</p>",
    "<p>1 Dit is een genummerde regel en geen kop</p>",
    "<p>Een paragraaf over de hoofdstukken van dit plan.</p>",
    "<p>Hoofdstuk 2</p>",
    "<p>Dit is een gewone zin met een punt.</p>",
  ].join("");

  it("reads 'Hoofdstuk N' as a chapter with the next short line as its title, and typed '1.1' as a section", () => {
    const text = htmlToPlanText(html);
    expect(text.sections.map((s) => `${s.level} ${sectionLabel(s)}`)).toEqual([
      "1 1 Samenwerking met gemeenten",
      "2 1.1 Leerplicht",
      "1 Hoofdstuk 2",
    ]);
    expect(text.sections.map((s) => s.id)).toEqual(["s1", "s1.1", "s2"]);
  });

  it("joins a paragraph broken mid-sentence, and keeps a lone number as text", () => {
    const text = htmlToPlanText(html);
    expect(text.sections[0]!.blocks).toEqual([
      { kind: "paragraph", text: "Het samenwerkingsverband en de gemeenten maken afspraken over thuiszitters." },
    ]);
    expect(text.sections[1]!.blocks[0]).toEqual({
      kind: "paragraph",
      text: "1 Dit is een genummerde regel en geen kop",
    });
  });
});
