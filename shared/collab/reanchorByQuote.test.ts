/**
 * Re-anchoring by quote (issue 12): after a document is rebuilt, a thread whose text was deleted
 * is placed again where its quote reappears; one still in place, or whose quote is gone, is left.
 */
import { expect, test } from "vitest";
import * as Y from "yjs";
import { anchoredText, decodeAnchor, encodeAnchor, reanchorByQuote, type AnchorToPlace } from "./commentAnchors.ts";

const FIELD = "default";

function docWith(...paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(FIELD);
  fragment.push(
    paragraphs.map((text) => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
  return doc;
}

const textOf = (doc: Y.Doc, i: number) => (doc.getXmlFragment(FIELD).get(i) as Y.XmlElement).get(0) as Y.XmlText;

/** An anchor as the editor makes it, on `quote` inside paragraph `i`. */
function anchorOn(doc: Y.Doc, i: number, quote: string, id: string): AnchorToPlace {
  const text = textOf(doc, i);
  const at = text.toJSON().indexOf(quote);
  return {
    id,
    quote,
    anchor: encodeAnchor(
      Y.createRelativePositionFromTypeIndex(text, at, -1),
      Y.createRelativePositionFromTypeIndex(text, at + quote.length, -1),
    ),
  };
}

/** Replaces every paragraph with new ones (what a restore does to paragraphs that differ). */
function rebuild(doc: Y.Doc, ...paragraphs: string[]): void {
  const fragment = doc.getXmlFragment(FIELD);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.push(
      paragraphs.map((text) => {
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlText(text)]);
        return p;
      }),
    );
  });
}

test("a collapsed anchor is placed on the first exact match of its quote", () => {
  const doc = docWith("De gemeente betaalt binnen twee weken.", "Overleg is tweemaandelijks.");
  const thread = anchorOn(doc, 0, "binnen twee weken", "t1");
  rebuild(doc, "Inleiding.", "De gemeente betaalt binnen twee weken, ook in de zomer.");
  expect(anchoredText(doc, thread.anchor)).toBeNull();
  const placed = reanchorByQuote(doc, FIELD, [thread]);
  expect(anchoredText(doc, placed.get("t1")!)).toEqual({ text: "binnen twee weken" });
});

test("threads keep their old order when a quote occurs twice", () => {
  const doc = docWith("Eerst de school, dan de school.", "Tot slot de wijk.");
  const text = textOf(doc, 0);
  const first: AnchorToPlace = {
    id: "eerste",
    quote: "de school",
    anchor: encodeAnchor(
      Y.createRelativePositionFromTypeIndex(text, 6, -1),
      Y.createRelativePositionFromTypeIndex(text, 15, -1),
    ),
  };
  const wijk = anchorOn(doc, 1, "de wijk", "wijk");
  const second: AnchorToPlace = {
    id: "tweede",
    quote: "de school",
    anchor: encodeAnchor(
      Y.createRelativePositionFromTypeIndex(text, 21, -1),
      Y.createRelativePositionFromTypeIndex(text, 30, -1),
    ),
  };
  const before = new Y.Doc();
  Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
  rebuild(doc, "Eerst de school, dan de school.", "Tot slot de wijk.");
  // Given out of order: the function orders by where they stood before, not by the list.
  const placed = reanchorByQuote(doc, FIELD, [second, wijk, first], before);
  const startOf = (id: string) =>
    Y.createAbsolutePositionFromRelativePosition(decodeAnchor(placed.get(id)!).start, doc)!.index;
  expect(startOf("eerste")).toBe(6);
  expect(startOf("tweede")).toBe(21);
  expect(anchoredText(doc, placed.get("wijk")!)).toEqual({ text: "de wijk" });
});

test("an anchor still in place is left alone; a quote that is gone stays deleted", () => {
  const doc = docWith("Blijft staan.", "Verdwijnt helemaal.");
  const stays = anchorOn(doc, 0, "Blijft", "blijft");
  const gone = anchorOn(doc, 1, "Verdwijnt", "weg");
  doc.transact(() => doc.getXmlFragment(FIELD).delete(1, 1));
  const placed = reanchorByQuote(doc, FIELD, [stays, gone]);
  expect(placed.size).toBe(0);
  expect(anchoredText(doc, stays.anchor)).toEqual({ text: "Blijft" });
  expect(anchoredText(doc, gone.anchor)).toBeNull();
});

test("text deleted inside a paragraph collapses the anchor; its quote typed again elsewhere is found", () => {
  const doc = docWith("Wij overleggen tweemaandelijks met elkaar.");
  const thread = anchorOn(doc, 0, "tweemaandelijks", "t");
  const text = textOf(doc, 0);
  text.delete(15, "tweemaandelijks ".length);
  text.insert(text.length, " Wij spreken tweemaandelijks af.");
  expect(anchoredText(doc, thread.anchor)).toBe("verwijderd");
  const placed = reanchorByQuote(doc, FIELD, [thread]);
  expect(anchoredText(doc, placed.get("t")!)).toEqual({ text: "tweemaandelijks" });
});

test("an empty quote is never matched", () => {
  const doc = docWith("Iets.");
  const thread = { ...anchorOn(doc, 0, "Iets", "leeg"), quote: "" };
  rebuild(doc, "Iets anders.");
  expect(reanchorByQuote(doc, FIELD, [thread]).size).toBe(0);
});
