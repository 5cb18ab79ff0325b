/**
 * The library's suggestion marks (insertion, deletion, modification) as Tiptap marks, and the
 * block nodes that may carry them as node marks (the library marks a whole inserted paragraph or
 * list item that way). Rendering says who proposed it in words (title, aria-description-free
 * the mark says it in its title and underline or strike) and in the party's colour: never colour alone (issue 12).
 */
import { Mark } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import { BulletList, ListItem, OrderedList } from "@tiptap/extension-list";
import { parseSuggestionId, SUGGESTION_MARKS, type SuggestionMark } from "./suggestions.ts";

const ALLOWED = SUGGESTION_MARKS.join(" ");
const TAG: Record<SuggestionMark, string> = { insertion: "ins", deletion: "del", modification: "span" };
const VERB: Record<SuggestionMark, string> = {
  insertion: "Voorgesteld",
  deletion: "Voorgesteld te schrappen",
  modification: "Voorgestelde opmaak",
};

function suggestionMark(kind: SuggestionMark) {
  return Mark.create({
    name: kind,
    inclusive: false,
    excludes: kind === "modification" ? "deletion insertion" : ALLOWED,
    addAttributes() {
      const base = {
        id: {
          default: null,
          parseHTML: (el: { getAttribute(name: string): string | null }) => el.getAttribute("data-suggestion"),
          renderHTML: () => ({}),
        },
      };
      if (kind !== "modification") return base;
      // The library records what a formatting suggestion changed.
      return {
        ...base,
        type: { default: null, renderHTML: () => ({}) },
        attrName: { default: null, renderHTML: () => ({}) },
        previousValue: { default: null, renderHTML: () => ({}) },
        newValue: { default: null, renderHTML: () => ({}) },
      };
    },
    parseHTML() {
      return [{ tag: `${TAG[kind]}[data-suggestion]` }];
    },
    renderHTML({ mark }) {
      const id = String(mark.attrs.id ?? "");
      const author = parseSuggestionId(mark.attrs.id);
      const who = author ? `${author.name}${author.partyName ? ` (${author.partyName})` : ""}` : "onbekend";
      return [
        TAG[kind],
        {
          "data-suggestion": id,
          class: `oogo-suggestion oogo-suggestion--${kind}`,
          title: `${VERB[kind]} door ${who}`,
          style: author ? `--oogo-suggestion-color: ${author.color}` : undefined,
        },
        0,
      ];
    },
  });
}

export const suggestionMarkExtensions = () => SUGGESTION_MARKS.map(suggestionMark);

/** The nodes StarterKit would add, allowing suggestion marks on their children (block marks). */
export const suggestionBlockNodes = () => [
  Document.extend({ marks: ALLOWED }),
  BulletList.extend({ marks: ALLOWED }),
  OrderedList.extend({ marks: ALLOWED }),
  ListItem.extend({ marks: ALLOWED }),
];
