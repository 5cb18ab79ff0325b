/** Typed calls for suggestions (track changes, issue 12): "alleen voorstellen" and decided suggestions. */
import type { DecidedSuggestion, SuggestOnlyView } from "../../shared/schemas/suggestions.ts";
import { api } from "./http.ts";

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/suggestions`;

export const suggestionsApi = {
  suggestOnly: (workspaceId: string, document: string) =>
    api.get<SuggestOnlyView>(`${base(workspaceId)}/alleen-voorstellen?document=${encodeURIComponent(document)}`),
  setSuggestOnly: (workspaceId: string, input: { document: string; userId: string; suggestOnly: boolean }) =>
    api.put<SuggestOnlyView>(`${base(workspaceId)}/alleen-voorstellen`, input),
  decisions: (workspaceId: string, document: string) =>
    api.get<{ decisions: DecidedSuggestion[] }>(
      `${base(workspaceId)}/decisions?document=${encodeURIComponent(document)}`,
    ),
};
