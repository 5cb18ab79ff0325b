/**
 * The admission check for Yjs updates (v1 encoding): a complete structural decode that refuses,
 * before anything is applied, every update that Yjs would apply only in part, apply differently
 * from how it encodes it again, or store in a form it cannot encode again. See
 * docs/adr/0006-validate-updates-before-apply.md for which Yjs behaviour each rule answers.
 *
 * Why a check of its own rather than "apply to a copy and encode": that costs a copy of the whole
 * document per keystroke. This reads the update once (no Y.Doc, no allocation per struct) and is
 * exact about the failure classes, which are all local to one update:
 *
 *  1. Zero-length structs and delete ranges (GC, Skip, Deleted, String "", JSON [], Any [], and
 *     delete-set length 0). Yjs stores a zero-length struct without advancing the client's clock,
 *     so it is never part of an 'update' event (peers and the log miss it) yet is encoded for new
 *     joiners; GC/deleted ones produce a delete-set entry of length 0, on which
 *     UpdateEncoderV2.writeDsLen throws "Unexpected case" (pending deletes, V2 encodes, merges),
 *     and findIndexSS throws during the transaction's cleanup — after the document changed but
 *     before the 'update' event — so memory and peers drift apart.
 *  2. References from a struct to its own client at or beyond its own clock (origin, right origin,
 *     parent). Yjs treats same-client ids as present and throws in getItemCleanEnd midway through
 *     integrating, after earlier structs of the update were integrated.
 *  3. Ids out of range: client ids above 2^32−1 (every Yjs implementation makes 32-bit ids) and
 *     clocks (plus lengths) above 2^48, so clock arithmetic and the V2 encoders' `diff * 2` stay
 *     exact.
 *  4. Anything Yjs would throw on while reading (unknown content or type refs, invalid JSON,
 *     undecodable "any" values, truncation) and trailing bytes: lib0's decoder does not check
 *     bounds everywhere (a truncated info byte reads as `undefined`, i.e. a GC struct) and reads
 *     past the end of a frame into its underlying buffer.
 *  5. The same client twice in one update (Yjs keeps only the last section: part of the message
 *     would be dropped silently) and sub-documents (ContentDoc; our documents have none, and
 *     each would make the server hold a Y.Doc chosen by a client).
 *
 * Pending structs (missing dependencies on other clients) pass: Yjs keeps them aside and
 * integrates them when the dependency arrives, as it normally does.
 */

export const MAX_CLIENT_ID = 0xffff_ffff;
/** Exclusive upper bound for clock + length. */
export const MAX_CLOCK = 2 ** 48;
/** Nesting limit for "any" values (Y.Map / Y.Array JSON-like content). */
const MAX_ANY_DEPTH = 64;

class Refused extends Error {}

/** lib0 decodes strings with a fatal decoder: invalid UTF-8 throws while Yjs reads. */
const textDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const decodeUtf8 = (bytes: Uint8Array): string => {
  try {
    return textDecoder.decode(bytes);
  } catch {
    throw new Refused("invalid UTF-8");
  }
};

/** Reads one update with explicit bounds; throws Refused with a reason. */
class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos === this.buf.length;
  }

  uint8(): number {
    if (this.pos >= this.buf.length) throw new Refused("truncated");
    return this.buf[this.pos++]!;
  }

  varUint(): number {
    let num = 0;
    let mult = 1;
    const buf = this.buf;
    while (this.pos < buf.length) {
      const r = buf[this.pos++]!;
      num += (r & 0x7f) * mult;
      if (r < 0x80) return num;
      mult *= 128;
      if (num > Number.MAX_SAFE_INTEGER) throw new Refused("integer out of range");
    }
    throw new Refused("truncated");
  }

  /** lib0 varInt (first byte: continuation, sign, 6 bits), with lib0's range check. */
  varInt(): void {
    let r = this.uint8();
    let num = r & 0x3f;
    let mult = 64;
    while (r & 0x80) {
      r = this.uint8();
      num += (r & 0x7f) * mult;
      mult *= 128;
      if (r & 0x80 && num > Number.MAX_SAFE_INTEGER) throw new Refused("integer out of range");
    }
  }

  bytes(): [number, number] {
    const len = this.varUint();
    const start = this.pos;
    if (len > this.buf.length - start) throw new Refused("truncated");
    this.pos += len;
    return [start, this.pos];
  }

  /** Skips a varString, checking that it decodes. */
  skipString(): void {
    this.stringLength();
  }

  string(): string {
    const [start, end] = this.bytes();
    return decodeUtf8(this.buf.subarray(start, end));
  }

  /** UTF-16 length of a varString as lib0 decodes it (ASCII without decoding). */
  stringLength(): number {
    const [start, end] = this.bytes();
    const buf = this.buf;
    for (let i = start; i < end; i++) {
      if (buf[i]! >= 0x80) return decodeUtf8(buf.subarray(start, end)).length;
    }
    return end - start;
  }

  json(): void {
    const s = this.string();
    try {
      JSON.parse(s);
    } catch {
      throw new Refused("invalid JSON content");
    }
  }

  /** Skips one lib0 "any" value (iteratively bounded: lib0's reader recurses). */
  any(depth = 0): void {
    if (depth > MAX_ANY_DEPTH) throw new Refused("value nested too deeply");
    const type = this.uint8();
    switch (type) {
      case 127:
      case 126:
      case 121:
      case 120:
        return; // undefined, null, false, true
      case 125:
        return this.varInt();
      case 124:
        return this.skip(4);
      case 123:
      case 122:
        return this.skip(8); // float64, bigint64
      case 119:
        this.skipString();
        return;
      case 118: {
        // object
        const n = this.varUint();
        for (let i = 0; i < n; i++) {
          this.skipString();
          this.any(depth + 1);
        }
        return;
      }
      case 117: {
        // array
        const n = this.varUint();
        for (let i = 0; i < n; i++) this.any(depth + 1);
        return;
      }
      case 116:
        this.bytes();
        return; // Uint8Array
      default:
        throw new Refused("undecodable value");
    }
  }

  skip(n: number): void {
    if (n > this.buf.length - this.pos) throw new Refused("truncated");
    this.pos += n;
  }
}

/** One struct as read: where its bytes are and what is wrong with it (if anything). */
interface StructInfo {
  start: number;
  end: number;
  length: number;
  /** "zero" for a zero-length struct, another reason for other faults, null when fine. */
  fault: string | null;
}

interface Section {
  client: number;
  clock: number;
  structs: StructInfo[];
  duplicate: boolean;
}

interface DeleteEntry {
  client: number;
  clock: number;
  length: number;
  fault: string | null;
}

interface Parsed {
  sections: Section[];
  deletes: DeleteEntry[];
  /** Whether any struct is formatting (a mark set or removed): suggestions live there (ADR 0016). */
  formats: boolean;
}

const checkClient = (client: number) => client <= MAX_CLIENT_ID;

/** Reads a referenced id; same-client references must point strictly before `ownClock`. */
function readRef(r: Reader, client: number, ownClock: number): string | null {
  const refClient = r.varUint();
  const refClock = r.varUint();
  if (!checkClient(refClient) || refClock >= MAX_CLOCK) return "reference out of range";
  if (refClient === client && refClock >= ownClock) return "reference to own future clock";
  return null;
}

/** Reads one struct's content; returns its length. */
function readContent(r: Reader, ref: number): number {
  switch (ref) {
    case 1:
      return r.varUint(); // Deleted
    case 2: {
      // JSON
      const n = r.varUint();
      for (let i = 0; i < n; i++) {
        const s = r.string();
        if (s === "undefined") continue;
        try {
          JSON.parse(s);
        } catch {
          throw new Refused("invalid JSON content");
        }
      }
      return n;
    }
    case 3:
      r.bytes();
      return 1; // Binary
    case 4:
      return r.stringLength(); // String
    case 5:
      r.json();
      return 1; // Embed
    case 6:
      r.skipString();
      r.json();
      return 1; // Format
    case 7: {
      // Type
      const typeRef = r.varUint();
      if (typeRef > 6) throw new Refused("unknown type");
      if (typeRef === 3 || typeRef === 5) r.skipString(); // XmlElement node name, XmlHook name
      return 1;
    }
    case 8: {
      // Any
      const n = r.varUint();
      for (let i = 0; i < n; i++) r.any();
      return n;
    }
    case 9:
      throw new Refused("sub-documents are not supported");
    default:
      throw new Refused("unknown content");
  }
}

function parse(update: Uint8Array): Parsed {
  const r = new Reader(update);
  const sections: Section[] = [];
  let formats = false;
  const seen = new Set<number>();
  const numClients = r.varUint();
  for (let c = 0; c < numClients; c++) {
    const numStructs = r.varUint();
    const client = r.varUint();
    let clock = r.varUint();
    if (!checkClient(client)) throw new Refused("client id out of range");
    if (clock >= MAX_CLOCK) throw new Refused("clock out of range");
    const section: Section = { client, clock, structs: [], duplicate: seen.has(client) };
    seen.add(client);
    sections.push(section);
    for (let i = 0; i < numStructs; i++) {
      const start = r.pos;
      const info = r.uint8();
      const ref = info & 0x1f;
      let length: number;
      let fault: string | null = null;
      if (ref === 0 || ref === 10) {
        length = r.varUint(); // GC, Skip
      } else {
        if (info & 0x80) fault ??= readRef(r, client, clock); // origin
        if (info & 0x40) fault ??= readRef(r, client, clock); // right origin
        if ((info & 0xc0) === 0) {
          if (r.varUint() === 1)
            r.skipString(); // parent: a root type's name…
          else fault ??= readRef(r, client, clock); // …or the id of the item holding the type
          if (info & 0x20) r.skipString(); // parentSub (map key)
        }
        length = readContent(r, ref);
        if (ref === 6) formats = true;
      }
      if (length === 0) fault = "zero-length struct";
      else if (clock + length > MAX_CLOCK) fault ??= "clock out of range";
      section.structs.push({ start, end: r.pos, length, fault });
      clock += length;
    }
  }
  const deletes: DeleteEntry[] = [];
  const numDsClients = r.varUint();
  for (let c = 0; c < numDsClients; c++) {
    const client = r.varUint();
    const n = r.varUint();
    for (let i = 0; i < n; i++) {
      const clock = r.varUint();
      const length = r.varUint();
      const fault =
        length === 0
          ? "zero-length delete"
          : !checkClient(client) || clock + length > MAX_CLOCK
            ? "delete out of range"
            : null;
      deletes.push({ client, clock, length, fault });
    }
  }
  if (!r.done) throw new Refused("trailing bytes");
  return { sections, deletes, formats };
}

/** What the check saw, for the suggestion guard (server/sync/suggestionGuard.ts): no second parse. */
export interface UpdateFacts {
  formats: boolean;
  deletes: boolean;
}

/**
 * Null when the update may be applied; otherwise why not. Never throws. `facts`, when given, is
 * filled in with what the update holds.
 */
export function checkUpdate(update: Uint8Array, facts?: UpdateFacts): string | null {
  let parsed: Parsed;
  try {
    parsed = parse(update);
  } catch (error) {
    return error instanceof Refused ? error.message : "undecodable";
  }
  if (facts) {
    facts.formats = parsed.formats;
    facts.deletes = parsed.deletes.length > 0;
  }
  for (const section of parsed.sections) {
    if (section.duplicate) return "client listed twice";
    for (const struct of section.structs) if (struct.fault) return struct.fault;
  }
  for (const entry of parsed.deletes) if (entry.fault) return entry.fault;
  return null;
}

/**
 * For stored data written before this check existed: the update without its faulty parts —
 * zero-length structs and delete ranges dropped (they carry no content), and from a struct with
 * another fault on, the rest of that client's section (later clocks would shift). Null when the
 * bytes cannot be decoded at all. The result passes checkUpdate.
 */
export function repairUpdate(update: Uint8Array): Uint8Array | null {
  let parsed: Parsed;
  try {
    parsed = parse(update);
  } catch {
    return null;
  }
  const out: number[] = [];
  const chunks: Array<number[] | Uint8Array> = [];
  const flush = () => {
    if (out.length > 0) chunks.push(out.splice(0));
  };
  const varUint = (n: number) => {
    while (n > 0x7f) {
      out.push(0x80 | (n % 128));
      n = Math.floor(n / 128);
    }
    out.push(n);
  };
  const kept = parsed.sections
    .filter((s) => !s.duplicate)
    .map((s) => {
      const structs: StructInfo[] = [];
      for (const struct of s.structs) {
        if (struct.fault === "zero-length struct") continue;
        if (struct.fault) break;
        structs.push(struct);
      }
      return { ...s, structs };
    })
    .filter((s) => s.structs.length > 0);
  varUint(kept.length);
  for (const section of kept) {
    varUint(section.structs.length);
    varUint(section.client);
    varUint(section.clock);
    flush();
    for (const struct of section.structs) chunks.push(update.subarray(struct.start, struct.end));
  }
  const byClient = new Map<number, DeleteEntry[]>();
  for (const entry of parsed.deletes) {
    if (entry.fault) continue;
    const list = byClient.get(entry.client) ?? [];
    list.push(entry);
    byClient.set(entry.client, list);
  }
  varUint(byClient.size);
  for (const [client, entries] of byClient) {
    varUint(client);
    varUint(entries.length);
    for (const entry of entries) {
      varUint(entry.clock);
      varUint(entry.length);
    }
  }
  flush();
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const result = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

/** Null when `sv` is a well-formed encoded state vector (sync step 1); otherwise why not. */
export function checkStateVector(sv: Uint8Array): string | null {
  try {
    const r = new Reader(sv);
    const n = r.varUint();
    for (let i = 0; i < n; i++) {
      if (!checkClient(r.varUint())) return "client id out of range";
      r.varUint();
    }
    return r.done ? null : "trailing bytes";
  } catch (error) {
    return error instanceof Refused ? error.message : "undecodable";
  }
}
