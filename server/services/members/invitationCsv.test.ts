import { describe, expect, it } from "vitest";
import { chooseDelimiter, readInvitationCsv } from "./invitationCsv.ts";

describe("reading an invitation CSV", () => {
  it("reads semicolons with a header, a BOM and CRLF, and numbers lines as in the file", () => {
    const csv =
      "\uFEFFnaam;e-mail;partij;rol;functie\r\nAnna de Vries;anna@groningen.example;GM0014;trekker;beleidsadviseur\r\n\r\nPiet Jansen;piet@tynaarlo.example;Gemeente Tynaarlo;Ambtenaar (werkgroep)\r\n";
    const r = readInvitationCsv(csv);
    expect(r).toMatchObject({ delimiter: ";", headerSkipped: true, problems: [] });
    expect(r.records).toEqual([
      { line: 2, cells: ["Anna de Vries", "anna@groningen.example", "GM0014", "trekker", "beleidsadviseur"] },
      { line: 4, cells: ["Piet Jansen", "piet@tynaarlo.example", "Gemeente Tynaarlo", "Ambtenaar (werkgroep)"] },
    ]);
  });

  it("reads commas without a header; quoted fields keep delimiters, doubled quotes and line breaks", () => {
    const csv =
      '"Vries, Anna de",anna@groningen.example,"Gemeente Groningen",trekker,"wethouder ""onderwijs"""\n' +
      'Piet,piet@x.example,,secretaris,"twee\nregels"\nKees,kees@x.example,,waarnemer\n';
    const r = readInvitationCsv(csv);
    expect(r.delimiter).toBe(",");
    expect(r.headerSkipped).toBe(false);
    expect(r.records.map((x) => x.cells)).toEqual([
      ["Vries, Anna de", "anna@groningen.example", "Gemeente Groningen", "trekker", 'wethouder "onderwijs"'],
      ["Piet", "piet@x.example", "", "secretaris", "twee\nregels"],
      ["Kees", "kees@x.example", "", "waarnemer"],
    ]);
    // A record with a line break inside starts on its own line.
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it("drops the empty columns and empty rows a spreadsheet adds", () => {
    const r = readInvitationCsv("Anna;anna@x.example;;secretaris;;;\n;;;;\n");
    expect(r.records).toEqual([{ line: 1, cells: ["Anna", "anna@x.example", "", "secretaris"] }]);
  });

  it("chooses the delimiter from the first line, outside quotes", () => {
    expect(chooseDelimiter("a;b,c\nd,e")).toBe(";");
    expect(chooseDelimiter('"a;b",c\nd;e')).toBe(",");
    expect(chooseDelimiter("\uFEFFa,b")).toBe(",");
  });

  it("names the line of a quote that is never closed, in Dutch, instead of throwing", () => {
    const r = readInvitationCsv('Anna;anna@x.example;;secretaris\nPiet;"piet@x.example;;secretaris\n');
    expect(r.records).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/aanhalingsteken/);
  });

  it("says so when nobody is in it, and when there are too many rows", () => {
    expect(readInvitationCsv("naam;e-mail;partij;rol\n").problems[0]).toMatch(/Er staat niemand in/);
    expect(readInvitationCsv("\n\n").problems[0]).toMatch(/Er staat niemand in/);
    const many = Array.from({ length: 1001 }, (_, i) => `P ${i};p${i}@x.example;;waarnemer`).join("\n");
    expect(readInvitationCsv(many).problems[0]).toMatch(/1001 mensen.*hoogstens 1000/);
  });
});
