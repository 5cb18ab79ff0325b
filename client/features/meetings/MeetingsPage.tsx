import { createMemo, createSignal, For, Show } from "solid-js";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { dateInZone, todayInNl } from "../../../shared/domain/dates.ts";
import type { MeetingSummary } from "../../../shared/schemas/meetings.ts";
import { meetingsApi } from "../../api/meetings.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { Loaded } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { MeetingCard } from "./MeetingCard.tsx";
import { PlanMeetingForm } from "./PlanMeetingForm.tsx";
import "./meetings.css";

/** Upcoming meetings (soonest first) and the rest (latest first); "today" in Dutch time. */
function splitMeetings(list: readonly MeetingSummary[]) {
  const today = todayInNl(new Date());
  const isUpcoming = (m: MeetingSummary) => m.status === "gepland" && dateInZone(new Date(m.startsAt)) >= today;
  return {
    upcoming: list.filter(isUpcoming).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    past: list.filter((m) => !isUpcoming(m)).sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
  };
}

/** The tafel's meetings, upcoming first, and (for the secretaris) a form to plan one. */
export default function MeetingsPage() {
  const ws = useWorkspace();
  const [meetings] = createLiveResource(() => ws.id(), meetingsApi.list, { entities: ["meeting"] });
  const [planning, setPlanning] = createSignal(false);
  let planButton: HTMLButtonElement | undefined;

  const href = (m: MeetingSummary) =>
    `/tafels/${encodeURIComponent(ws.id())}/vergaderingen/${encodeURIComponent(m.id)}`;

  return (
    <>
      <PageTitle lead="Ambtelijke werkgroepen, proef-OOGO's, formele bestuurlijke OOGO's en tussentijds overleg van deze tafel.">
        Vergaderingen
      </PageTitle>
      <Show when={ws.can("meeting.manage")}>
        <Show
          when={planning()}
          fallback={
            <button
              type="button"
              ref={planButton}
              class="utrecht-button utrecht-button--primary-action"
              aria-expanded="false"
              onClick={() => setPlanning(true)}
            >
              Nieuwe vergadering plannen
            </button>
          }
        >
          <PlanMeetingForm
            onCancel={() => {
              setPlanning(false);
              queueMicrotask(() => planButton?.focus());
            }}
          />
        </Show>
      </Show>
      <Loaded when={meetings} label="Vergaderingen laden…">
        {(list) => {
          const split = createMemo(() => splitMeetings(list()));
          return (
            <>
              <section class="oogo-section" aria-labelledby="upcoming-heading">
                <h2 class="utrecht-heading-2" id="upcoming-heading">
                  Komende vergaderingen
                </h2>
                <Show
                  when={split().upcoming.length > 0}
                  fallback={<p class="utrecht-paragraph">Er zijn geen vergaderingen gepland.</p>}
                >
                  <ul class="oogo-meetings-list">
                    <For each={split().upcoming}>{(m) => <MeetingCard meeting={m} href={href(m)} past={false} />}</For>
                  </ul>
                </Show>
              </section>
              <section class="oogo-section" aria-labelledby="past-heading">
                <h2 class="utrecht-heading-2" id="past-heading">
                  Eerdere vergaderingen
                </h2>
                <Show
                  when={split().past.length > 0}
                  fallback={<p class="utrecht-paragraph">Nog geen eerdere vergaderingen.</p>}
                >
                  <ul class="oogo-meetings-list">
                    <For each={split().past}>{(m) => <MeetingCard meeting={m} href={href(m)} past />}</For>
                  </ul>
                </Show>
              </section>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
