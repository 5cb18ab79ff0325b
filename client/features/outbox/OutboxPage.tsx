import { createResource, createSignal, For, onCleanup, Show, type JSX } from "solid-js";
import { A } from "@solidjs/router";
import { outboxApi } from "../../api/outbox.ts";
import type { MailState } from "../../../shared/domain/mail.ts";
import type { OutboxMailView } from "../../../shared/schemas/outbox.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ErrorAlert, InfoAlert, Loading } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { Badge } from "../meetings/StatusBadge.tsx";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import "../meetings/meetings.css";
import "./outbox.css";

/** While mail is on its way the list refreshes itself this often; a sent list stays still. */
const REFRESH_MS = 10_000;

/**
 * "Uitgaande e-mail": what this tafel sent (invitations), with the state of each mail. A mail
 * that could not be sent stays here and whoever manages members (beheerder, secretaris) can try again. Outside production the
 * full text is shown, so the demo can follow an invitation link.
 */
export default function OutboxPage() {
  const ws = useWorkspace();
  const manage = () => ws.can("members.manage");
  const [outbox, { refetch }] = createResource(
    () => (manage() ? ws.id() : false),
    (id) => outboxApi.list(id),
  );
  const pending = () =>
    outbox()?.mails.some((m) => m.state === "wachtrij" || m.state === "verzenden" || m.state === "mislukt_opnieuw") ??
    false;
  const timer = setInterval(() => {
    if (pending() && !outbox.loading) void refetch();
  }, REFRESH_MS);
  onCleanup(() => clearInterval(timer));
  const [notice, setNotice] = createSignal("");
  // A retried mail loses its button (and the list is rebuilt): say what happened, and put focus
  // on that mail's heading so keyboard users stay where they were.
  const retried = async (mail: OutboxMailView) => {
    setNotice(`De e-mail aan ${mail.to} staat weer in de wachtrij.`);
    await refetch();
    queueMicrotask(() => document.getElementById(`mail-${mail.id}`)?.focus());
  };

  return (
    <>
      <PageTitle lead="Uitnodigingen en andere e-mail van deze tafel. Wat niet verstuurd kon worden, blijft hier staan: u kunt het opnieuw proberen.">
        Uitgaande e-mail
      </PageTitle>
      <p class="utrecht-paragraph">
        <A href={`/tafels/${ws.id()}/deelnemers`} class="utrecht-link">
          Terug naar deelnemers
        </A>
      </p>
      <Show
        when={manage()}
        fallback={<InfoAlert>Alleen een beheerder of secretaris van de tafel ziet de uitgaande e-mail.</InfoAlert>}
      >
        {/* Not <Loaded>: its child receives a snapshot, and this list must follow every refetch. */}
        <Show when={!outbox.error} fallback={<ErrorAlert error={outbox.error as unknown} title="Laden mislukt" />}>
          <Show when={outbox()} fallback={<Loading label="Uitgaande e-mail laden…" />}>
            {(view) => (
              <>
                <div class="utrecht-button-group oogo-outbox__actions">
                  <button
                    type="button"
                    class="utrecht-button utrecht-button--secondary-action"
                    onClick={() => void refetch()}
                  >
                    Vernieuwen
                  </button>
                </div>
                <div role="status" class="oogo-outbox__notice">
                  <Show when={notice()}>
                    <p class="utrecht-paragraph">{notice()}</p>
                  </Show>
                </div>
                <Show when={view().bodiesShown}>
                  <InfoAlert>
                    <p class="utrecht-paragraph">
                      Testomgeving: bij elke e-mail staat de volledige tekst, zodat u een uitnodigingslink kunt volgen.
                      In productie wordt de tekst niet getoond.
                    </p>
                  </InfoAlert>
                </Show>
                <Show
                  when={view().mails.length > 0}
                  fallback={<p class="utrecht-paragraph">Er is nog geen e-mail verstuurd vanaf deze tafel.</p>}
                >
                  <ul class="oogo-outbox" aria-label={`Uitgaande e-mail (${view().mails.length})`}>
                    <For each={view().mails}>
                      {(mail) => <MailItem mail={mail} onRetried={() => void retried(mail)} />}
                    </For>
                  </ul>
                </Show>
              </>
            )}
          </Show>
        </Show>
      </Show>
    </>
  );
}

const TONE: Record<
  MailState,
  { tone: "neutral" | "info" | "ok" | "warning" | "danger"; icon: "check" | "clock" | "alert" | "cross" }
> = {
  wachtrij: { tone: "info", icon: "clock" },
  verzenden: { tone: "info", icon: "clock" },
  verstuurd: { tone: "ok", icon: "check" },
  mislukt_opnieuw: { tone: "warning", icon: "alert" },
  niet_verstuurd: { tone: "danger", icon: "cross" },
};

function MailItem(props: { mail: OutboxMailView; onRetried(): void }) {
  const ws = useWorkspace();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const m = () => props.mail;
  const headingId = () => `mail-${m().id}`;
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      await outboxApi.retry(ws.id(), m().id);
      props.onRetried();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="oogo-outbox__mail" aria-labelledby={headingId()}>
      <h2 class="utrecht-heading-3" id={headingId()} tabindex="-1">
        {m().subject}
      </h2>
      <dl class="oogo-facts">
        <div>
          <dt>Aan</dt>
          <dd class="oogo-break">{m().to}</dd>
        </div>
        <div>
          <dt>Soort</dt>
          <dd>{m().kindLabel}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <Badge tone={TONE[m().state].tone} icon={TONE[m().state].icon}>
              {m().stateLabel}
            </Badge>
          </dd>
        </div>
        <div>
          <dt>Aangemaakt</dt>
          <dd>
            <time datetime={m().createdAt}>{formatDateTime(m().createdAt)}</time>
          </dd>
        </div>
        <Show when={m().sentAt}>
          {(at) => (
            <div>
              <dt>Verstuurd</dt>
              <dd>
                <time datetime={at()}>{formatDateTime(at())}</time>
              </dd>
            </div>
          )}
        </Show>
        <Show when={m().state !== "verstuurd" && m().attempts > 0}>
          <div>
            <dt>Pogingen</dt>
            <dd>{m().attempts}</dd>
          </div>
        </Show>
        <Show when={m().nextAttemptAt}>
          {(at) => (
            <div>
              <dt>Volgende poging</dt>
              <dd>
                <time datetime={at()}>{formatDateTime(at())}</time>
              </dd>
            </div>
          )}
        </Show>
        <Show when={m().lastError && m().state !== "verstuurd"}>
          <div>
            <dt>Laatste foutmelding</dt>
            <dd class="oogo-break">{m().lastError}</dd>
          </div>
        </Show>
      </dl>
      <Show when={m().canRetry}>
        <div class="utrecht-button-group">
          <button
            type="button"
            class="utrecht-button utrecht-button--primary-action"
            disabled={busy()}
            onClick={() => void retry()}
          >
            {m().state === "niet_verstuurd" ? "Niet verstuurd — opnieuw proberen" : "Nu opnieuw proberen"}
            <span class="oogo-visually-hidden">
              : {m().subject} aan {m().to}
            </span>
          </button>
        </div>
      </Show>
      <Show when={error()}>
        <ErrorAlert error={error()} title="Opnieuw proberen lukte niet" />
      </Show>
      <Show when={m().text}>
        {(text) => (
          <details class="oogo-outbox__body">
            <summary>Tekst van de e-mail</summary>
            <pre class="oogo-outbox__text">{linkify(text())}</pre>
          </details>
        )}
      </Show>
    </li>
  );
}

/** Makes the http(s) links in a plain-text mail clickable; everything else stays text. */
function linkify(text: string): JSX.Element[] {
  const parts: JSX.Element[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <a class="utrecht-link" href={match[0]}>
        {match[0]}
      </a>,
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
