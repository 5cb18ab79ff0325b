import { For, Show } from "solid-js";
import { isPointStatus } from "../../../shared/domain/pointStatus.ts";
import { ROLE_LABELS } from "../../../shared/domain/roles.ts";
import { isStance } from "../../../shared/domain/stances.ts";
import type { PointEventView } from "../../../shared/schemas/points.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import { kenmerk, stanceLabel } from "./format.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";

const TYPE_LABELS: Record<string, string> = {
  "point.created": "Punt aangemaakt",
  "point.status_changed": "Status gewijzigd",
  "point.stance_recorded": "Standpunt vastgelegd",
  "point.signed": "Ondertekend",
  "point.text_changed": "Tekst gewijzigd",
  "point.updated": "Gegevens van het punt gewijzigd",
  "point.reopened": "Heropend: handtekeningen vervallen",
};

function what(e: PointEventView): string {
  if (e.type === "point.stance_recorded" && isStance(e.data.stance)) {
    const prev =
      isStance(e.data.previousStance) && e.data.previousStance !== "geen_standpunt"
        ? ` (was: ${stanceLabel(e.data.previousStance).toLowerCase()})`
        : "";
    return `Standpunt: ${stanceLabel(e.data.stance).toLowerCase()}${prev}`;
  }
  if (e.type === "point.reopened" && Array.isArray(e.data.voidedSignoffs)) {
    const names = (e.data.voidedSignoffs as Array<{ signerName?: unknown }>)
      .map((s) => (typeof s.signerName === "string" ? s.signerName : ""))
      .filter(Boolean);
    return names.length ? `Heropend: handtekening van ${names.join(", ")} vervallen` : "Heropend";
  }
  if (e.type === "point.status_changed" && e.data.automatic === true) return "Status automatisch gewijzigd";
  return TYPE_LABELS[e.type] ?? e.type;
}

const tone = (e: PointEventView) =>
  e.type === "point.signed"
    ? " oogo-timeline__item--signoff"
    : e.type === "point.reopened"
      ? " oogo-timeline__item--warning"
      : e.type === "point.text_changed" &&
          Array.isArray(e.data.verouderdeSignoffs) &&
          e.data.verouderdeSignoffs.length > 0
        ? " oogo-timeline__item--warning"
        : "";

/**
 * The point's history from the append-only log, newest first: who, for which party, in which
 * role, when, from → to, the reasoning, the text it concerned and the entry's chain hash.
 */
export function Timeline(props: { events: readonly PointEventView[] }) {
  const newestFirst = () => [...props.events].sort((a, b) => b.seq - a.seq);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 class="utrecht-heading-2" id="timeline-heading">
        Tijdlijn
      </h2>
      <p class="oogo-hint">
        Uit het logboek van deze tafel. Elke gebeurtenis is met een kenmerk aan de vorige gekoppeld; niemand kan de
        geschiedenis herschrijven.
      </p>
      <Show when={props.events.length > 0} fallback={<p>Nog geen gebeurtenissen.</p>}>
        <ol class="oogo-timeline">
          <For each={newestFirst()}>
            {(e) => (
              <li class={`oogo-timeline__item${tone(e)}`}>
                <div class="oogo-timeline__when">
                  <time datetime={e.at}>{formatDateTime(e.at)}</time>
                </div>
                <p class="oogo-timeline__what">
                  {what(e)}
                  <Show when={isPointStatus(e.fromStatus) || isPointStatus(e.toStatus)}>
                    {" "}
                    <span class="oogo-transition">
                      <Show when={isPointStatus(e.fromStatus)}>
                        <StatusBadge status={e.fromStatus as never} />
                        <span aria-hidden="true">→</span>
                        <span class="oogo-visually-hidden"> naar </span>
                      </Show>
                      <Show when={isPointStatus(e.toStatus)}>
                        <StatusBadge status={e.toStatus as never} />
                      </Show>
                    </span>
                  </Show>
                </p>
                <p class="oogo-timeline__who">
                  <Show when={e.actor.userId} fallback={<>Door het systeem</>}>
                    {e.actor.name}
                    {e.actor.partyName ? <>, namens {e.actor.partyName}</> : null}
                    {e.actor.role ? <> ({ROLE_LABELS[e.actor.role].toLowerCase()})</> : null}
                  </Show>
                </p>
                <Show when={e.reasoning}>
                  <p class="oogo-timeline__reason">{e.reasoning}</p>
                </Show>
                <p class="oogo-timeline__hashes">
                  <Show when={e.textHash}>
                    Tekst <span class="oogo-hash">{kenmerk(e.textHash)}</span> ·{" "}
                  </Show>
                  <Show when={typeof e.data.previousTextHash === "string"}>
                    was <span class="oogo-hash">{kenmerk(e.data.previousTextHash as string)}</span> ·{" "}
                  </Show>
                  Gebeurtenis {e.seq} in het logboek, kenmerk <span class="oogo-hash">{kenmerk(e.hash)}</span>
                </p>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
