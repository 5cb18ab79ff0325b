import { A, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { meetingsApi } from "../../api/meetings.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { Loaded } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { AgendaSection } from "./AgendaSection.tsx";
import { AttendanceSection } from "./AttendanceEditor.tsx";
import { MeetingDetails } from "./MeetingDetails.tsx";
import { MinutesSection } from "./MinutesSection.tsx";
import { OpenBespreekpunten } from "../bespreekpunten/OpenBespreekpunten.tsx";
import "./meetings.css";
import "../bespreekpunten/bespreekpunten.css";

/** One meeting: details, attendance, agenda with decisions, and the minutes. */
export default function MeetingPage() {
  const ws = useWorkspace();
  const params = useParams<{ meetingId: string }>();
  // Someone else changed this meeting (or a point on its agenda): show the server's version.
  const [meeting, { mutate }] = createLiveResource(() => params.meetingId, meetingsApi.get, {
    entities: [{ entity: "meeting", id: () => params.meetingId }, "point"],
  });
  const manage = () => ws.can("meeting.manage");

  return (
    <>
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href={`/tafels/${encodeURIComponent(ws.id())}/vergaderingen`}>
          ← Alle vergaderingen
        </A>
      </p>
      <Loaded when={meeting} label="Vergadering laden…">
        {(m) => (
          <>
            <PageTitle lead={`${m().typeLabel} · ${formatDateTime(m().startsAt)} · ${m().place}`}>
              {m().title}
            </PageTitle>
            <MeetingDetails meeting={m()} canManage={manage()} onChange={mutate} />
            <AttendanceSection meeting={m()} canManage={manage()} onChange={mutate} />
            <AgendaSection meeting={m()} canManage={manage()} onChange={mutate} />
            <MinutesSection meeting={m()} onChange={mutate} />
            <Show when={m().type === "formeel_oogo" && manage()}>
              <OpenBespreekpunten />
            </Show>
          </>
        )}
      </Loaded>
    </>
  );
}
