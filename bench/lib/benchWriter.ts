/**
 * A benchmark editor: a real Y.Doc synced with the server that types fixed-size pieces of text
 * into the document's first paragraph (schema-valid: doc > paragraph > text), and knows when
 * the server has acknowledged each piece — in that server's own terms:
 *  - ours: a type-100 save acknowledgement whose state vector covers the edit (durable);
 *  - Hocuspocus: the SyncStatus reply to the update message (applied in memory);
 *  - reference y-websocket: the sync step 2 reply to a step 1 sent right after the edit
 *    (what its provider calls "synced"; applied in memory).
 */
import * as Y from "yjs";
import { PeerClient, type Target } from "./peerClient.ts";

/** Every benchmark edit inserts exactly this many characters: one Yjs struct of this length. */
export const EDIT_CHARS = 8;
const LOCAL = Symbol("bench-local-edit");

export interface Edit {
  /** Clock range [start, end) of the writer's client covered by the edit. */
  start: number;
  end: number;
  sentAt: number;
  acked: Promise<number>;
}

interface PendingAck {
  ordinal: number;
  end: number;
  resolve(at: number): void;
}

export class BenchWriter {
  readonly doc = new Y.Doc();
  readonly client: PeerClient;
  private text: Y.XmlText | null = null;
  private pending: PendingAck[] = [];
  /** Messages the server answers with one SyncStatus (Hocuspocus) / one step 2 (reference). */
  private answered = 0;
  private asked = 0;
  private counter = 0;
  /** Called for every update or step 2 payload (e.g. to let a writer also observe). */
  onRemote?: (payload: Uint8Array, step2: boolean, at: number) => void;

  constructor(
    readonly target: Target,
    docName: string,
    opts: { saveAck?: boolean; timeoutMs?: number } = {},
  ) {
    this.client = new PeerClient(target, docName, {
      doc: this.doc,
      saveAck: opts.saveAck ?? target.ack === "saveAck",
      timeoutMs: opts.timeoutMs,
      events: {
        onUpdate: (payload, step2, at) => {
          Y.applyUpdate(this.doc, payload, "remote");
          if (step2 && target.ack === "syncStep2") this.answer(at);
          this.onRemote?.(payload, step2, at);
        },
        onSyncStatus: (_applied, at) => {
          if (target.ack === "syncStatus") this.answer(at);
        },
        onSaveAck: (stateVector, at) => {
          if (target.ack !== "saveAck") return;
          const durable = Y.decodeStateVector(stateVector).get(this.doc.clientID) ?? 0;
          this.pending = this.pending.filter((p) => {
            if (p.end > durable) return true;
            p.resolve(at);
            return false;
          });
        },
      },
    });
    // Count what the server will answer, in the order it answers.
    const sendStep1 = this.client.sendStep1.bind(this.client);
    this.client.sendStep1 = () => {
      if (target.ack === "syncStep2") this.asked++;
      sendStep1();
    };
    const send = this.client.send.bind(this.client);
    this.client.send = (body: Uint8Array) => {
      // Hocuspocus answers every sync step 2 and update we send with one SyncStatus.
      if (target.ack === "syncStatus" && body[0] === 0 && (body[1] === 1 || body[1] === 2)) this.asked++;
      send(body);
    };
  }

  private answer(at: number) {
    this.answered++;
    this.pending = this.pending.filter((p) => {
      if (p.ordinal > this.answered) return true;
      p.resolve(at);
      return false;
    });
  }

  async connect(): Promise<void> {
    await this.client.connect();
    const paragraph = this.doc.getXmlFragment("default").get(0);
    const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
    if (!(text instanceof Y.XmlText))
      throw new Error(`${this.target.kind}: bench document ${this.client.docName} has no first paragraph with text`);
    this.text = text;
  }

  /** Types EDIT_CHARS characters at the end of the paragraph and sends the update. */
  edit(): Edit {
    if (!this.text) throw new Error("connect() first");
    const start = Y.getState(this.doc.store, this.doc.clientID);
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) update = u;
    };
    this.doc.on("update", capture);
    const label = ` ${(this.counter++).toString(36)}`.padStart(EDIT_CHARS, "·").slice(-EDIT_CHARS);
    this.doc.transact(() => this.text!.insert(this.text!.length, label), LOCAL);
    this.doc.off("update", capture);
    const end = start + EDIT_CHARS;
    let resolve!: (at: number) => void;
    const acked = new Promise<number>((r) => (resolve = r));
    const sentAt = performance.now();
    this.client.sendUpdate(update!);
    if (this.target.ack === "syncStep2") this.client.sendStep1();
    this.pending.push({ ordinal: this.asked, end, resolve });
    return { start, end, sentAt, acked };
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
