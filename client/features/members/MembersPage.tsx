import { createEffect, createResource, createSignal, For, onCleanup, Show, type JSX } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { A } from "@solidjs/router";
import { workspaceApi } from "../../api/endpoints.ts";
import { ROLES, ROLE_LABELS, requiresParty, type Role } from "../../../shared/domain/roles.ts";
import type { MembersView } from "../../../shared/schemas/workspace.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ErrorAlert, InfoAlert, Loaded } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { formText } from "../../ui/formData.ts";
import { BulkInvite } from "./BulkInvite.tsx";
import { InvitationsSection } from "./InvitationsSection.tsx";
import { MemberRow } from "./MemberRow.tsx";
import "../meetings/meetings.css";
import "./members.css";

/** While invitation mail is on its way the page follows it this often (the outbox sends no live events). */
const REFRESH_MS = 3_000;

/** Members of a tafel; whoever manages members (beheerder, secretaris) invites people, changes roles and removes access here. */
export default function MembersPage() {
  const ws = useWorkspace();
  const [members, { refetch }] = createResource(() => ws.id(), workspaceApi.members);
  onCleanup(ws.onLive((e) => e.entity === "members" && void refetch()));
  const manage = () => ws.can("members.manage");
  // Reconciled by id: a refresh (every few seconds while mail is on its way) updates rows in
  // place instead of rebuilding them, so focus and an open select survive it.
  const [view, setView] = createStore<MembersView>({ members: [], invitations: [] });
  createEffect(() => {
    const fresh = members();
    if (fresh) setView(reconcile(fresh, { key: "id" }));
  });
  const refresh = async () => {
    await refetch();
  };
  // A removal takes its row away: its outcome is said (and focused) above the table.
  const [removed, setRemoved] = createSignal<string | null>(null);
  let removedEl: HTMLParagraphElement | undefined;
  const showRemoved = (message: string) => {
    setRemoved(message);
    queueMicrotask(() => removedEl?.focus());
  };
  const pending = () => view.invitations.some((i) => i.state === "wordt_verstuurd");
  const timer = setInterval(() => {
    if (manage() && pending() && !members.loading) void refetch();
  }, REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  return (
    <>
      <PageTitle lead="Wie neemt deel, namens welke partij en in welke rol.">Deelnemers</PageTitle>
      <Show when={manage()}>
        <p class="utrecht-paragraph">
          <A href={`/tafels/${ws.id()}/uitgaande-email`} class="utrecht-link">
            Uitgaande e-mail bekijken
          </A>{" "}
          (alle e-mail van deze tafel en de foutmeldingen)
        </p>
        <InviteForm onDone={() => void refetch()} />
        <BulkInvite invitations={view.invitations} onSent={refresh} />
      </Show>
      {/* Read the resource itself inside: Loaded hands its children the first value only, and this list changes. */}
      <Loaded when={members} label="Deelnemers laden…">
        {() => (
          <>
            <Show when={manage() && view.invitations.length > 0}>
              <InvitationsSection invitations={view.invitations} onChange={refresh} />
            </Show>
            <Show when={removed()}>
              <p class="utrecht-paragraph oogo-members__done" role="status" tabindex="-1" ref={removedEl}>
                {removed()}
              </p>
            </Show>
            <div class="utrecht-table-container">
              <table class="utrecht-table utrecht-table--html-table oogo-members__table">
                <caption class="utrecht-table__caption">Deelnemers ({view.members.length})</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">
                      Naam
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      E-mail
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Partij
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Rol
                    </th>
                    <Show when={manage()}>
                      <th class="utrecht-table__header-cell" scope="col">
                        Beheer
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  <For each={view.members}>
                    {(m) => (
                      <MemberRow
                        member={m}
                        members={view.members}
                        manage={manage()}
                        onChange={() => void refetch()}
                        onRemoved={showRemoved}
                      />
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </>
        )}
      </Loaded>
    </>
  );
}

function InviteForm(props: { onDone: () => void }) {
  const ws = useWorkspace();
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const [role, setRole] = createSignal<Role>("ambtenaar");
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    // Keep the element: after the await, the event's currentTarget is gone.
    const formEl = e.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    setError(null);
    setSentTo(null);
    try {
      const partyId = formText(form, "partyId") || null;
      const { invitation } = await workspaceApi.invite(ws.id(), {
        email: formText(form, "email"),
        name: formText(form, "name"),
        role: role(),
        partyId,
        title: formText(form, "title") || null,
      });
      setSentTo(`${invitation.name} (${invitation.email})`);
      formEl.reset();
      setRole("ambtenaar");
      props.onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="oogo-section" aria-labelledby="invite-heading">
      <h2 class="utrecht-heading-2" id="invite-heading">
        Deelnemer uitnodigen
      </h2>
      <Show
        when={open()}
        fallback={
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setOpen(true)}>
            Iemand uitnodigen
          </button>
        }
      >
        <Show when={error()}>
          <ErrorAlert error={error()} title="Uitnodigen mislukt" />
        </Show>
        <Show when={sentTo()}>
          <InfoAlert type="ok">
            <p class="utrecht-paragraph">
              {sentTo()} is uitgenodigd. De uitnodiging gaat per e-mail, met een persoonlijke link die alleen voor deze
              tafel en deze rol geldt. Wie al een account heeft, logt in en neemt de uitnodiging aan; wie nog geen
              account heeft, kiest een wachtwoord. Of de e-mail is verstuurd, ziet u hieronder bij Uitnodigingen.
            </p>
          </InfoAlert>
        </Show>
        <form class="utrecht-form oogo-inline-form" onSubmit={(e) => void submit(e)}>
          <Field id="inv-name" label="Naam">
            <input
              id="inv-name"
              name="name"
              required
              autocomplete="off"
              class="utrecht-textbox utrecht-textbox--html-input"
            />
          </Field>
          <Field id="inv-email" label="E-mailadres">
            <input
              id="inv-email"
              name="email"
              type="email"
              required
              autocomplete="off"
              class="utrecht-textbox utrecht-textbox--html-input"
            />
          </Field>
          <Field id="inv-title" label="Functie (optioneel)">
            <input id="inv-title" name="title" class="utrecht-textbox utrecht-textbox--html-input" />
          </Field>
          <Field id="inv-role" label="Rol">
            <select
              id="inv-role"
              name="role"
              class="utrecht-select utrecht-select--html-select"
              value={role()}
              onChange={(e) => setRole(e.currentTarget.value as Role)}
            >
              <For each={[...ROLES]}>{(r) => <option value={r}>{ROLE_LABELS[r]}</option>}</For>
            </select>
          </Field>
          <Field id="inv-party" label={requiresParty(role()) ? "Namens partij" : "Namens partij (optioneel)"}>
            <select
              id="inv-party"
              name="partyId"
              class="utrecht-select utrecht-select--html-select"
              required={requiresParty(role())}
            >
              <option value="">{requiresParty(role()) ? "Kies een partij" : "Geen (hele tafel)"}</option>
              <For each={ws.workspace()?.parties ?? []}>{(p) => <option value={p.id}>{p.name}</option>}</For>
            </select>
          </Field>
          <div class="utrecht-button-group">
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Uitnodigen
            </button>
            <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setOpen(false)}>
              Sluiten
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

function Field(props: { id: string; label: string; children: JSX.Element }) {
  return (
    <div class="utrecht-form-field">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={props.id}>
          {props.label}
        </label>
      </div>
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}
