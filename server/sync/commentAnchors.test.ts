/**
 * Comment anchors with real y-websocket clients on a real server (issue 12, ADR 0012): an anchor
 * made by one editor still covers its quote after concurrent edits around it by others, also for
 * someone who joins later; when the text itself is deleted the anchor collapses and the thread
 * keeps its quote ("tekst verwijderd").
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { anchoredText, encodeAnchor } from "../../shared/collab/commentAnchors.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import type { CommentThreadView } from "../../shared/schemas/comments.ts";
import { startServer, type RunningServer } from "../server.ts";
import { DEMO, tempDatabaseUrl } from "../testing/testContext.ts";
import { login, openClient, waitFor, type TestClient } from "./testSupport.ts";

let running: RunningServer;
let tmp: ReturnType<typeof tempDatabaseUrl>;
let workspaceId: string;
let docName: string;
const cookies: Record<string, string> = {};
const clients: TestClient[] = [];

beforeAll(async () => {
  tmp = tempDatabaseUrl("oogo-anchors-");
  running = await startServer({ port: 0, host: "127.0.0.1", databaseUrl: tmp.url, demo: true });
  const [tafel] = await running.deps.database.db.query.workspaces.findMany({ limit: 1 });
  workspaceId = tafel!.id;
  docName = documentNames.spiegelparagraaf(workspaceId);
  for (const email of [DEMO.swvTrekker, DEMO.groningenTrekker, DEMO.tynaarloTrekker])
    cookies[email] = await login(running.url, email);
});

afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await running.close();
  tmp.cleanup();
});

const client = (email: string) => {
  const c = openClient(running.url, docName, { cookie: cookies[email] });
  clients.push(c);
  return c;
};

/** The first paragraph's text node with at least `min` characters, depth-first. */
function longText(doc: Y.Doc, min = 60): Y.XmlText {
  const walk = (node: Y.XmlElement | Y.XmlFragment): Y.XmlText | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && child.length >= min) return child;
      if (child instanceof Y.XmlElement) {
        const found = walk(child);
        if (found) return found;
      }
    }
    return null;
  };
  const found = walk(doc.getXmlFragment("default"));
  if (!found) throw new Error("no long paragraph in the demo spiegelparagraaf");
  return found;
}
const plain = (t: Y.XmlText) => (t.toDelta() as Array<{ insert: unknown }>).map((d) => String(d.insert)).join("");

const threadsOf = async (email: string) => {
  const res = await fetch(`${running.url}/api/workspaces/${workspaceId}/comments?document=${docName}`, {
    headers: { cookie: cookies[email]! },
  });
  return ((await res.json()) as { threads: CommentThreadView[] }).threads;
};

test("an anchor survives concurrent edits around it, for a late joiner too, and collapses when its text goes", async () => {
  const a = client(DEMO.swvTrekker);
  const b = client(DEMO.groningenTrekker);
  await waitFor(() => a.provider.synced && b.provider.synced, "both synced");

  // Eva (SWV) selects 20 characters of a paragraph and comments on them.
  const text = longText(a.doc);
  const quote = plain(text).slice(10, 30);
  const anchor = encodeAnchor(
    Y.createRelativePositionFromTypeIndex(text, 10),
    // The end sticks to the character before it: typing right after the quote stays outside.
    Y.createRelativePositionFromTypeIndex(text, 30, -1),
  );
  const res = await fetch(`${running.url}/api/workspaces/${workspaceId}/comments`, {
    method: "POST",
    headers: { cookie: cookies[DEMO.swvTrekker]!, "content-type": "application/json" },
    body: JSON.stringify({ document: docName, anchor, quote, body: "Is dit de juiste termijn?" }),
  });
  expect(res.status).toBe(201);

  // Meanwhile both type around it, at once: before it, right after it, and a new paragraph above.
  text.insert(0, "Eerst dit. ");
  const bText = longText(b.doc);
  const bPlain = plain(bText);
  bText.insert(bPlain.indexOf(quote) + quote.length, " (en direct erna)");
  bText.insert(bPlain.length, " Slotzin van Groningen.");
  const fragment = b.doc.getXmlFragment("default");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Een nieuwe alinea bovenaan.")]);
  fragment.insert(0, [paragraph]);
  await waitFor(
    () => Y.encodeStateVector(a.doc).toString() === Y.encodeStateVector(b.doc).toString(),
    "a and b converge",
  );

  // Someone who joins later reads the threads from the API and finds the same words.
  const c = client(DEMO.tynaarloTrekker);
  await waitFor(() => c.provider.synced, "late joiner synced");
  await waitFor(() => plain(longText(c.doc)).includes("Slotzin van Groningen"), "late joiner has every edit");
  const [thread] = await threadsOf(DEMO.tynaarloTrekker);
  expect(thread!.quote).toBe(quote);
  expect(anchoredText(c.doc, thread!.anchor)).toEqual({ text: quote });
  expect(anchoredText(a.doc, thread!.anchor)).toEqual({ text: quote });

  // Groningen deletes the quoted words: the anchor collapses, the thread keeps its quote.
  const cText = longText(b.doc);
  cText.delete(plain(cText).indexOf(quote), quote.length);
  await waitFor(() => !plain(longText(c.doc)).includes(quote), "deletion reaches the late joiner");
  expect(anchoredText(c.doc, thread!.anchor)).toBe("verwijderd");
  const [after] = await threadsOf(DEMO.groningenTrekker);
  expect(after).toMatchObject({ quote, status: "open" });
});
