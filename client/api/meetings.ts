/**
 * Typed calls for meetings, the agreed procedure, and the exports (oplegger, dossier).
 * The only place in the client that knows these URLs.
 */
import type {
  AddAgendaItemInput,
  AddProcedureStepInput,
  AgendaCandidatesView,
  AgreeMinutesInput,
  AmendMinutesInput,
  RequestMinutesReviewInput,
  ChangeProcedureStepInput,
  CreateMeetingInput,
  DecisionInput,
  MeetingSummary,
  MeetingView,
  ProcedureStepView,
  ProcedureView,
  SetAttendanceInput,
  UpdateMeetingInput,
} from "../../shared/schemas/meetings.ts";
import type { BuildDossierInput } from "../../shared/schemas/exports.ts";
import type { ExportFormat } from "../../shared/domain/dossier.ts";
import { api, download } from "./http.ts";

const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;
const meeting = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export const meetingsApi = {
  list: (workspaceId: string) =>
    api.get<{ meetings: MeetingSummary[] }>(`${ws(workspaceId)}/meetings`).then((r) => r.meetings),
  create: (workspaceId: string, input: CreateMeetingInput) =>
    api.post<MeetingView>(`${ws(workspaceId)}/meetings`, input),
  get: (meetingId: string) => api.get<MeetingView>(meeting(meetingId)),
  update: (meetingId: string, input: UpdateMeetingInput) => api.patch<MeetingView>(meeting(meetingId), input),
  setAttendance: (meetingId: string, input: SetAttendanceInput) =>
    api.put<MeetingView>(`${meeting(meetingId)}/attendance`, input),
  addAgendaItem: (meetingId: string, input: AddAgendaItemInput) =>
    api.post<MeetingView>(`${meeting(meetingId)}/agenda`, input),
  reorderAgenda: (meetingId: string, itemIds: string[]) =>
    api.put<MeetingView>(`${meeting(meetingId)}/agenda/order`, { itemIds }),
  removeAgendaItem: (meetingId: string, itemId: string) =>
    api.delete<MeetingView>(`${meeting(meetingId)}/agenda/${encodeURIComponent(itemId)}`),
  decide: (meetingId: string, itemId: string, input: DecisionInput) =>
    api.post<MeetingView>(`${meeting(meetingId)}/agenda/${encodeURIComponent(itemId)}/decision`, input),
  requestMinutesReview: (meetingId: string, input: RequestMinutesReviewInput) =>
    api.post<MeetingView>(`${meeting(meetingId)}/minutes/review`, input),
  withdrawMinutesReview: (meetingId: string) =>
    api.post<MeetingView>(`${meeting(meetingId)}/minutes/review/withdraw`, {}),
  agreeMinutes: (meetingId: string, input: AgreeMinutesInput) =>
    api.post<MeetingView>(`${meeting(meetingId)}/minutes/agree`, input),
  convene: (meetingId: string, expectedVersion?: number) =>
    api.post<MeetingView>(`${meeting(meetingId)}/convocation`, expectedVersion ? { expectedVersion } : {}),
  sendAgendaUpdate: (meetingId: string, expectedVersion?: number) =>
    api.post<MeetingView>(
      `${meeting(meetingId)}/convocation/agenda-update`,
      expectedVersion ? { expectedVersion } : {},
    ),
  agendaCandidates: (meetingId: string) => api.get<AgendaCandidatesView>(`${meeting(meetingId)}/agenda/candidates`),
  amendMinutes: (meetingId: string, input: AmendMinutesInput) =>
    api.post<MeetingView>(`${meeting(meetingId)}/minutes/amendments`, input),
};

export const procedureApi = {
  get: (workspaceId: string) => api.get<ProcedureView>(`${ws(workspaceId)}/procedure`),
  addStep: (workspaceId: string, input: AddProcedureStepInput) =>
    api.post<ProcedureStepView>(`${ws(workspaceId)}/procedure/steps`, input),
  changeStep: (workspaceId: string, stepId: string, input: ChangeProcedureStepInput) =>
    api.patch<ProcedureStepView>(`${ws(workspaceId)}/procedure/steps/${encodeURIComponent(stepId)}`, input),
};

export const exportsApi = {
  oplegger: (workspaceId: string, format: ExportFormat) =>
    download("GET", `${ws(workspaceId)}/oplegger?format=${format}`, undefined, `oplegger.${format}`),
  dossier: (workspaceId: string, input: BuildDossierInput, format: ExportFormat) =>
    download(
      "POST",
      `${ws(workspaceId)}/dossier?format=${format}`,
      input,
      `dossier-geschillencommissie-oogo.${format}`,
    ),
};
