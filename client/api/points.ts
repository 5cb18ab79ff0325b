/**
 * Typed calls for overeenstemmingspunten: the board, the list, one point, its stances, status
 * steps, signatures and history. The only place in the client that knows these URLs.
 */
import type {
  BoardView,
  CreatePointInput,
  ListPointsQuery,
  PointDetail,
  PointEventView,
  PointSummary,
  RecordStanceInput,
  ReopenInput,
  SignOffInput,
  SignoffView,
  ToSignItem,
  TextVersionView,
  TransitionInput,
} from "../../shared/schemas/points.ts";
import { api } from "./http.ts";

const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;
const point = (id: string) => `/api/points/${encodeURIComponent(id)}`;

function query(filters: ListPointsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const pointsApi = {
  board: (workspaceId: string) => api.get<BoardView>(`${ws(workspaceId)}/board`),
  list: (workspaceId: string, filters: ListPointsQuery = {}) =>
    api.get<{ points: PointSummary[] }>(`${ws(workspaceId)}/points${query(filters)}`).then((r) => r.points),
  create: (workspaceId: string, input: CreatePointInput) => api.post<PointDetail>(`${ws(workspaceId)}/points`, input),
  toSign: (workspaceId: string) => api.get<{ items: ToSignItem[] }>(`${ws(workspaceId)}/to-sign`).then((r) => r.items),
  get: (pointId: string) => api.get<PointDetail>(point(pointId)),
  recordStance: (pointId: string, input: RecordStanceInput) =>
    api.post<PointDetail>(`${point(pointId)}/stances`, input),
  transition: (pointId: string, input: TransitionInput) =>
    api.post<PointDetail>(`${point(pointId)}/transitions`, input),
  /** "Heropenen": the signatures on the current text are voided so the text can change. */
  reopen: (pointId: string, input: ReopenInput) => api.post<PointDetail>(`${point(pointId)}/reopen`, input),
  signOff: (pointId: string, input: SignOffInput) =>
    api.post<{ signoff: SignoffView; point: PointDetail }>(`${point(pointId)}/signoffs`, input).then((r) => r.point),
  history: (pointId: string) =>
    api.get<{ events: PointEventView[] }>(`${point(pointId)}/history`).then((r) => r.events),
  /** The exact text of the point at `textHash` (kept for every hash an event referred to). */
  textVersion: (pointId: string, textHash: string) =>
    api.get<TextVersionView>(`${point(pointId)}/versions/${encodeURIComponent(textHash)}`),
};
