/**
 * Points inside the spiegelparagraaf (issue 12, "one source for agreed text"): the document holds
 * only a reference to an overeenstemmingspunt, never a copy of its text. The block shows and
 * exports the point as it stands; editing happens on the point.
 */

/** Node name of the embedded point in the shared editor schema. */
export const POINT_EMBED_NODE = "overeenstemmingspunt";

interface PmNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
}

/** The point ids a document embeds, in reading order, each once. */
export function embeddedPointIds(doc: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: PmNode) => {
    if (node.type === POINT_EMBED_NODE) {
      const id = node.attrs?.pointId;
      if (typeof id === "string" && id && !ids.includes(id)) ids.push(id);
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  if (doc && typeof doc === "object") walk(doc);
  return ids;
}
