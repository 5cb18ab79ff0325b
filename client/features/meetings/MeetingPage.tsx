import { A, useParams } from "@solidjs/router";
import { createResource, onCleanup } from "solid-js";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { meetingsApi } from "../../api/meetings.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { Loaded } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { AgendaSection } from "./AgendaSection.tsx";
import { AttendanceSection } from "./AttendanceEditor.tsx";
import { MeetingDetails } from "./MeetingDetails.tsx";
import { MinutesSection } from "./MinutesSection.tsx";
import "./meetings.css";

/** One meeting: details, attendance, agenda with decisions, and the minutes. */
export default function MeetingPage() {
  const ws = useWorkspace();
  const params = useParams<{ meetingId: string }>();
  const [meeting, { refetch, mutate }] = createResource(() => params.meetingId, meetingsApi.get);
  // Someone else changed this meeting (or a point on its agenda): show the server's version.
  onCleanup(ws.onLive((e) => {
    if (e.entity === "*" || e.entityId === params.meetingId || e.entity.startsWith("point")) void refetch();
  }));
  const manage = () => ws.can("meeting.manage");

  return (
    <>
      <p class="utrecht-paragraph"><A class="utrecht-link" href={`/tafels/${encodeURIComponent(ws.id())}/vergaderingen`}>← Alle vergaderingen</A></p>
      <Loaded when={meeting} label="Vergadering laden…">
        {() => (
          <>
            <PageTitle lead={`${meeting()!.typeLabel} · ${formatDateTime(meeting()!.startsAt)} · ${meeting()!.place}`}>{meeting()!.title}</PageTitle>
            <MeetingDetails meeting={meeting()!} canManage={manage()} onChange={mutate} />
            <AttendanceSection meeting={meeting()!} canManage={manage()} onChange={mutate} />
            <AgendaSection meeting={meeting()!} canManage={manage()} onChange={mutate} />
            <MinutesSection meeting={meeting()!} onChange={mutate} />
          </>
        )}
      </Loaded>
    </>
  );
}
