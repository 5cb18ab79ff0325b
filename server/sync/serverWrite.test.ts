/**
 * The server's one write path into documents (SyncCore.write via deps.documents.write), with
 * real y-websocket clients connected: they receive the change, it is durable when the verb's
 * promise resolves (before any restart), a dehydrated document is rebuilt for it, and a change
 * that fails touches nothing. A restore through the API reaches an open editor the same way.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { documentNames } from "../../shared/collab/protocol.ts";
import { DOCUMENT_FIELD } from "../../shared/editor/extensions.ts";
import type { VersionSummary } from "../../shared/schemas/versions.ts";
import { setContent, stateToJson } from "../documents/prosemirror.ts";
import { startServer, type RunningServer } from "../server.ts";
import { appendParagraph } from "../services/points/paragraphEdit.ts";
import { DEMO, tempDatabaseUrl } from "../testing/testContext.ts";
import { login, openClient, waitFor, type TestClient } from "./testSupport.ts";

let running: RunningServer;
let tmp: ReturnType<typeof tempDatabaseUrl>;
let docName: string;
let editor: string;
let reader: string;
const clients: TestClient[] = [];
const start = () =>
  startServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: tmp.url,
    demo: true,
    sync: { dehydrateAfterMs: 200 },
  });
const client = (cookie: string) => {
  const c = openClient(running.url, docName, { cookie });
  clients.push(c);
  return c;
};
const textOf = (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FIELD).toJSON();

beforeAll(async () => {
  tmp = tempDatabaseUrl("oogo-server-write-");
  running = await start();
  const [tafel] = await running.deps.database.db.query.workspaces.findMany({ limit: 1 });
  docName = documentNames.spiegelparagraaf(tafel!.id);
  editor = await login(running.url, DEMO.swvTrekker);
  reader = await login(running.url, DEMO.waarnemer);
});

afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await running.close();
  tmp.cleanup();
});

test("open editors and readers receive a server write, and it is stored when the write resolves", async () => {
  const a = client(editor);
  const b = client(reader);
  await waitFor(() => a.provider.synced && b.provider.synced, "synced");
  expect(await running.deps.documents.write(docName, appendParagraph("Door de server toegevoegd."))).toBe(true);
  // Durable on resolve: storage already holds it, without waiting for anything else.
  expect(JSON.stringify(stateToJson(await running.store.load(docName)))).toContain("Door de server toegevoegd.");
  await waitFor(() => textOf(a.doc).includes("Door de server toegevoegd."), "editor received it");
  await waitFor(() => textOf(b.doc).includes("Door de server toegevoegd."), "reader received it");
  // The editor keeps typing on top of it: one document, no fork.
  a.doc.getXmlFragment(DOCUMENT_FIELD).push([paragraph("En daarna getypt.")]);
  await waitFor(() => textOf(b.doc).includes("En daarna getypt."), "reader got the typing");
});

test("a dehydrated document is rebuilt for a server write; a change that changes nothing stores nothing", async () => {
  const c = client(reader);
  await waitFor(() => c.provider.synced, "synced");
  await waitFor(() => running.sync.stats().hydrated === 0, "document gave up its Y.Doc");
  await running.deps.documents.write(docName, appendParagraph("Na het uitdrogen."));
  await waitFor(() => textOf(c.doc).includes("Na het uitdrogen."), "reader received it");
  const commits = running.sync.stats().commits;
  expect(await running.deps.documents.write(docName, () => undefined)).toBe(false);
  expect(running.sync.stats().commits).toBe(commits);
});

test("a change that throws leaves the live document, its clients and storage untouched", async () => {
  const c = client(editor);
  await waitFor(() => c.provider.synced, "synced");
  await expect(
    running.deps.documents.write(docName, (doc) => {
      doc.getXmlFragment(DOCUMENT_FIELD).push([paragraph("Half gedaan.")]);
      throw new Error("de verb faalt halverwege");
    }),
  ).rejects.toThrow("halverwege");
  // A later write arrives; the failed one never does.
  await running.deps.documents.write(docName, appendParagraph("Wel gedaan."));
  await waitFor(() => textOf(c.doc).includes("Wel gedaan."), "later write");
  expect(textOf(c.doc)).not.toContain("Half gedaan.");
  expect(JSON.stringify(stateToJson(await running.store.load(docName)))).not.toContain("Half gedaan.");
});

test("a restore through the API changes the text in an open editor; after a restart it is still there", async () => {
  const watcher = client(reader);
  await waitFor(() => watcher.provider.synced, "synced");
  await running.deps.documents.write(
    docName,
    setContent({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Versie één." }] }] }),
  );
  const saved = await fetch(`${running.url}/api/workspaces/${docName.split(".")[1]}/versions`, {
    method: "POST",
    headers: { cookie: editor, "content-type": "application/json" },
    body: JSON.stringify({ document: docName, name: "versie een" }),
  });
  const version = (await saved.json()) as VersionSummary;
  await running.deps.documents.write(docName, appendParagraph("Later toegevoegd."));
  await waitFor(() => textOf(watcher.doc).includes("Later toegevoegd."), "edit arrived");

  const restored = await fetch(`${running.url}/api/versions/${version.id}/restore`, {
    method: "POST",
    headers: { cookie: editor },
  });
  expect(restored.status).toBe(200);
  await waitFor(() => !textOf(watcher.doc).includes("Later toegevoegd."), "restore arrived");
  expect(textOf(watcher.doc)).toBe("<paragraph>Versie één.</paragraph>");

  for (const c of clients.splice(0)) c.destroy();
  await running.close();
  running = await start();
  expect(await running.deps.documents.readJson(docName)).toEqual({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "Versie één." }] }],
  });
});

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}
