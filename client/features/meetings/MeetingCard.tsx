import { A } from "@solidjs/router";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import type { MeetingSummary } from "../../../shared/schemas/meetings.ts";
import { MeetingStatusBadge, MinutesStatusBadge } from "./StatusBadge.tsx";

/** One meeting in the list: what, when, where, and the state of the meeting and its minutes. */
export function MeetingCard(props: { meeting: MeetingSummary; href: string; past: boolean }) {
  const m = () => props.meeting;
  return (
    <li class={`oogo-meeting-card${props.past ? " oogo-meeting-card--past" : ""}`}>
      <h3 class="utrecht-heading-3">
        <A href={props.href} class="utrecht-link">
          {m().title}
        </A>
      </h3>
      <p class="oogo-meeting-card__meta">
        {m().typeLabel} · <time datetime={m().startsAt}>{formatDateTime(m().startsAt)}</time> · {m().place}
        {" · "}
        {m().agendaCount === 1 ? "1 agendapunt" : `${m().agendaCount} agendapunten`}
      </p>
      <div class="oogo-meeting-card__badges">
        <MeetingStatusBadge status={m().status} />
        <MinutesStatusBadge status={m().minutesStatus} />
      </div>
    </li>
  );
}
