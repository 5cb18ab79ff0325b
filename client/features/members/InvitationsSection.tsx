import { createSignal, For, Show } from "solid-js";
import { workspaceApi } from "../../api/endpoints.ts";
import { invitationApi } from "../../api/members.ts";
import { outboxApi } from "../../api/outbox.ts";
import { formatDate, formatDateTime } from "../../../shared/domain/dates.ts";
import { INVITATION_STATE_LABELS, type InvitationState } from "../../../shared/domain/invitations.ts";
import { ROLE_LABELS } from "../../../shared/domain/roles.ts";
import type { InvitationView } from "../../../shared/schemas/workspace.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { Badge } from "../meetings/StatusBadge.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";

type Tone = "neutral" | "info" | "ok" | "warning" | "danger";
type Icon = "check" | "clock" | "alert" | "cross";
const LOOK: Record<InvitationState, [Tone, Icon]> = {
  wordt_verstuurd: ["info", "clock"],
  verstuurd: ["ok", "check"],
  niet_verstuurd: ["danger", "alert"],
  geopend: ["ok", "check"],
  aangenomen: ["ok", "check"],
  verlopen: ["warning", "clock"],
  ingetrokken: ["neutral", "cross"],
};

export function InvitationBadge(props: { state: InvitationState }) {
  return (
    <Badge tone={LOOK[props.state][0]} icon={LOOK[props.state][1]} prefix="Status:">
      {INVITATION_STATE_LABELS[props.state]}
    </Badge>
  );
}

/** The words under a state: when, and for a mail that failed, why and what happens next. */
function detail(inv: InvitationView): string {
  switch (inv.state) {
    case "wordt_verstuurd":
      return "De e-mail staat in de wachtrij.";
    case "verstuurd":
      return `Op ${formatDateTime(inv.mail?.sentAt ?? inv.createdAt)}; geldig tot ${formatDate(inv.expiresAt)}.`;
    case "geopend":
      return `Link geopend op ${formatDateTime(inv.openedAt!)}; geldig tot ${formatDate(inv.expiresAt)}.`;
    case "aangenomen":
      return `Op ${formatDateTime(inv.acceptedAt!)}.`;
    case "verlopen":
      return `Sinds ${formatDate(inv.expiresAt)}. Verstuur haar opnieuw voor een nieuwe link.`;
    case "ingetrokken":
      return `Op ${formatDateTime(inv.withdrawnAt!)}.`;
    case "niet_verstuurd": {
      if (!inv.mail) return "Er is geen e-mail verstuurd. Verstuur de uitnodiging opnieuw.";
      const why = inv.mail.lastError ? `${inv.mail.lastError} ` : "";
      return inv.mail.nextAttemptAt
        ? `${why}Wordt vanzelf opnieuw geprobeerd op ${formatDateTime(inv.mail.nextAttemptAt)}.`
        : `${why}Er wordt niet meer vanzelf opnieuw geprobeerd.`;
    }
  }
}

/**
 * Invitations and what became of them. Open ones are actionable: try the mail again (same link),
 * send again (new link, the old one stops working) or withdraw. Accepted and withdrawn ones are
 * kept below, folded away.
 */
export function InvitationsSection(props: { invitations: InvitationView[]; onChange: () => Promise<unknown> }) {
  const [notice, setNotice] = createSignal("");
  const open = () => props.invitations.filter((i) => i.canWithdraw);
  const done = () => props.invitations.filter((i) => !i.canWithdraw);
  // After an action the list is rebuilt: say what happened and keep focus on that person.
  const acted = async (inv: InvitationView, message: string) => {
    setNotice(message);
    await props.onChange();
    queueMicrotask(() =>
      (document.getElementById(`inv-${inv.id}`) ?? document.getElementById("invitations-heading"))?.focus(),
    );
  };
  return (
    <section class="oogo-section" aria-labelledby="invitations-heading">
      <h2 class="utrecht-heading-2" id="invitations-heading" tabindex="-1">
        Uitnodigingen
      </h2>
      <p class="utrecht-paragraph">
        Wie is uitgenodigd, krijgt een e-mail met een persoonlijke link en neemt pas deel na het aannemen daarvan. Komt
        een e-mail niet aan, verstuur de uitnodiging dan opnieuw: de genodigde krijgt een nieuwe link en de oude werkt
        niet meer.
      </p>
      <div role="status" class="oogo-members__notice">
        <Show when={notice()}>
          <p class="utrecht-paragraph">{notice()}</p>
        </Show>
      </div>
      <Show when={open().length > 0} fallback={<p class="utrecht-paragraph">Er staan geen uitnodigingen open.</p>}>
        <InvitationTable
          caption={`Open uitnodigingen (${open().length})`}
          invitations={open()}
          onActed={(inv, msg) => void acted(inv, msg)}
        />
      </Show>
      <Show when={done().length > 0}>
        <details class="oogo-members__history">
          <summary>Aangenomen en ingetrokken uitnodigingen ({done().length})</summary>
          <InvitationTable
            caption="Aangenomen en ingetrokken uitnodigingen"
            invitations={done()}
            onActed={(inv, msg) => void acted(inv, msg)}
          />
        </details>
      </Show>
    </section>
  );
}

function InvitationTable(props: {
  caption: string;
  invitations: InvitationView[];
  onActed: (inv: InvitationView, message: string) => void;
}) {
  const withActions = () => props.invitations.some((i) => i.canWithdraw);
  return (
    <div class="utrecht-table-container">
      <table class="utrecht-table utrecht-table--html-table oogo-members__table">
        <caption class="utrecht-table__caption">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Naam en e-mail
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Rol en partij
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Status
            </th>
            <Show when={withActions()}>
              <th class="utrecht-table__header-cell" scope="col">
                Acties
              </th>
            </Show>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          <For each={props.invitations}>
            {(inv) => <InvitationRow invitation={inv} actions={withActions()} onActed={props.onActed} />}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function InvitationRow(props: {
  invitation: InvitationView;
  actions: boolean;
  onActed: (inv: InvitationView, message: string) => void;
}) {
  const ws = useWorkspace();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const inv = () => props.invitation;
  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      props.onActed(inv(), message);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const retryMail = () =>
    run(() => outboxApi.retry(ws.id(), inv().mail!.id), `De e-mail aan ${inv().email} staat weer in de wachtrij.`);
  const resend = () =>
    run(
      () => invitationApi.resend(ws.id(), inv().id),
      `De uitnodiging voor ${inv().name} is opnieuw verstuurd, met een nieuwe link. De vorige link werkt niet meer.`,
    );
  const withdraw = () => {
    if (!confirm(`De uitnodiging voor ${inv().name} intrekken? De link werkt daarna niet meer.`)) return;
    void run(
      () => workspaceApi.withdrawInvitation(ws.id(), inv().id),
      `De uitnodiging voor ${inv().name} is ingetrokken.`,
    );
  };
  return (
    <tr class="utrecht-table__row">
      <td class="utrecht-table__cell" data-label="Naam en e-mail">
        <span id={`inv-${inv().id}`} tabindex="-1" class="oogo-members__name">
          {inv().name}
        </span>
        <br />
        <span class="oogo-break oogo-muted">{inv().email}</span>
      </td>
      <td class="utrecht-table__cell" data-label="Rol en partij">
        {ROLE_LABELS[inv().role]}
        <Show when={inv().party}>
          {(p) => (
            <>
              <br />
              <span class="oogo-muted">{p().name}</span>
            </>
          )}
        </Show>
        <Show when={inv().title}>
          {(t) => (
            <>
              <br />
              <span class="oogo-muted">{t()}</span>
            </>
          )}
        </Show>
      </td>
      <td class="utrecht-table__cell" data-label="Status">
        <InvitationBadge state={inv().state} />
        <p class="oogo-members__detail">{detail(inv())}</p>
        <Show when={inv().invitedBy}>
          {(by) => <p class="oogo-members__detail oogo-muted">Uitgenodigd door {by()}</p>}
        </Show>
        <Show when={error()}>
          <ErrorAlert error={error()} title="Dat lukte niet" />
        </Show>
      </td>
      <Show when={props.actions}>
        <td class="utrecht-table__cell" data-label="Acties">
          <div class="oogo-members__actions">
            <Show when={inv().mail?.canRetry && inv().state === "niet_verstuurd"}>
              <button
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                disabled={busy()}
                onClick={() => void retryMail()}
              >
                E-mail opnieuw proberen<span class="oogo-visually-hidden"> voor {inv().name}</span>
              </button>
            </Show>
            <Show when={inv().canResend}>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                disabled={busy()}
                onClick={() => void resend()}
              >
                Opnieuw versturen<span class="oogo-visually-hidden"> aan {inv().name}</span>
              </button>
            </Show>
            <Show when={inv().canWithdraw}>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                disabled={busy()}
                onClick={withdraw}
              >
                Intrekken<span class="oogo-visually-hidden"> uitnodiging {inv().name}</span>
              </button>
            </Show>
          </div>
        </td>
      </Show>
    </tr>
  );
}
