/** Reads a Server-Sent Events response in tests, message by message (the live stream of a tafel). */

export interface SseMessage {
  event: string;
  data: string;
}

/** Reads an SSE response incrementally; `next()` resolves with the next message or comment. */
export function sseReader(res: Response) {
  // Node's fetch types leave a body's chunk type open; a response body yields bytes.
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended = false;
  const pending: Array<SseMessage | { comment: string }> = [];
  async function fill(timeoutMs: number): Promise<void> {
    const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), timeoutMs));
    const chunk = await Promise.race([reader.read(), timeout]);
    if (chunk === "timeout") throw new Error("no SSE data in time");
    if (chunk.done) {
      ended = true;
      return;
    }
    buffer += decoder.decode(chunk.value, { stream: true });
    let i: number;
    while ((i = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      if (block.startsWith(":")) {
        pending.push({ comment: block.slice(1).trim() });
        continue;
      }
      const fields = Object.fromEntries(
        block.split("\n").map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]),
      );
      pending.push({ event: fields.event ?? "message", data: fields.data ?? "" });
    }
  }
  return {
    async next(timeoutMs = 2000) {
      while (pending.length === 0 && !ended) await fill(timeoutMs);
      return pending.shift() ?? null;
    },
    /** Resolves true when the server ends the stream. */
    async ended(timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (!ended) {
        pending.length = 0;
        await fill(Math.max(1, deadline - Date.now()));
      }
      return true;
    },
    cancel: () => reader.cancel(),
  };
}
