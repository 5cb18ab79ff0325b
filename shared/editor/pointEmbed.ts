/**
 * The embedded overeenstemmingspunt: an atom block holding only the point's id. The server and
 * the schema know just this; the browser adds a node view that shows the point live
 * (client/features/spiegelparagraaf/pointEmbedView.tsx).
 */
import { Node, mergeAttributes } from "@tiptap/core";
import { POINT_EMBED_NODE } from "../domain/pointEmbeds.ts";

export const PointEmbed = Node.create({
  name: POINT_EMBED_NODE,
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return {
      pointId: {
        default: null,
        // Structural type: shared/ is compiled without the DOM library.
        parseHTML: (el: { getAttribute(name: string): string | null }) => el.getAttribute("data-point-id"),
        renderHTML: (attrs: Record<string, unknown>) => ({ "data-point-id": attrs.pointId }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "div[data-overeenstemmingspunt]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-overeenstemmingspunt": "" }, HTMLAttributes)];
  },
});
