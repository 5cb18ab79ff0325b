import { createResource, createSignal, For, onCleanup, Show } from "solid-js";
import { A } from "@solidjs/router";
import { workspaceApi } from "../../api/endpoints.ts";
import { ROLES, ROLE_LABELS, requiresParty, type Role } from "../../../shared/domain/roles.ts";
import type { MemberView } from "../../../shared/schemas/workspace.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ErrorAlert, InfoAlert, Loaded } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";

/** Members of a tafel; a beheerder invites people, changes roles and revokes access here. */
export default function MembersPage() {
  const ws = useWorkspace();
  const [members, { refetch }] = createResource(() => ws.id(), workspaceApi.members);
  onCleanup(ws.onLive((e) => e.entity === "members" && void refetch()));
  const manage = () => ws.can("members.manage");

  return (
    <>
      <PageTitle lead="Wie neemt deel, namens welke partij en in welke rol.">Deelnemers</PageTitle>
      <Show when={manage()}>
        <p class="utrecht-paragraph"><A href={`/tafels/${ws.id()}/uitgaande-email`} class="utrecht-link">Uitgaande e-mail bekijken</A> (uitnodigingen en hun status)</p>
        <InviteForm onDone={() => void refetch()} />
      </Show>
      <Loaded when={members} label="Deelnemers laden…">
        {(list) => (
          <div class="utrecht-table-container">
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="utrecht-table__caption">Deelnemers ({list.length})</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">Naam</th>
                  <th class="utrecht-table__header-cell" scope="col">E-mail</th>
                  <th class="utrecht-table__header-cell" scope="col">Partij</th>
                  <th class="utrecht-table__header-cell" scope="col">Rol</th>
                  <Show when={manage()}><th class="utrecht-table__header-cell" scope="col">Beheer</th></Show>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                <For each={list}>{(m) => <MemberRow member={m} manage={manage()} onChange={() => void refetch()} />}</For>
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
    </>
  );
}

function MemberRow(props: { member: MemberView; manage: boolean; onChange(): void }) {
  const ws = useWorkspace();
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      props.onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const changeRole = (role: Role) =>
    act(() => workspaceApi.changeMember(ws.id(), props.member.id, { role, partyId: props.member.party?.id ?? null }));
  const revoke = () => {
    if (!confirm(`${props.member.name} verwijderen van deze tafel? De toegang vervalt direct.`)) return;
    void act(() => workspaceApi.revokeMember(ws.id(), props.member.id));
  };
  const selectId = `role-${props.member.id}`;
  return (
    <tr class="utrecht-table__row">
      <td class="utrecht-table__cell">
        {props.member.name}
        <Show when={props.member.invitationPending}> <span class="utrecht-status-badge utrecht-status-badge--warning">uitnodiging open</span></Show>
        <Show when={error()}><ErrorAlert error={error()} /></Show>
      </td>
      <td class="utrecht-table__cell">{props.member.email}</td>
      <td class="utrecht-table__cell">{props.member.party?.name ?? "—"}</td>
      <td class="utrecht-table__cell">
        <Show when={props.manage} fallback={ROLE_LABELS[props.member.role]}>
          <label class="oogo-visually-hidden" for={selectId}>Rol van {props.member.name}</label>
          <select id={selectId} class="utrecht-select utrecht-select--html-select" disabled={busy()}
            value={props.member.role} onChange={(e) => void changeRole(e.currentTarget.value as Role)}>
            <For each={ROLES.filter((r) => props.member.party || !requiresParty(r))}>
              {(r) => <option value={r}>{ROLE_LABELS[r]}</option>}
            </For>
          </select>
        </Show>
      </td>
      <Show when={props.manage}>
        <td class="utrecht-table__cell">
          <button type="button" class="utrecht-button utrecht-button--secondary-action utrecht-button--danger" disabled={busy()} onClick={revoke}>
            Verwijderen<span class="oogo-visually-hidden"> {props.member.name}</span>
          </button>
        </td>
      </Show>
    </tr>
  );
}

function InviteForm(props: { onDone(): void }) {
  const ws = useWorkspace();
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [link, setLink] = createSignal<string | null>(null);
  const [role, setRole] = createSignal<Role>("ambtenaar");
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setError(null);
    setLink(null);
    try {
      const partyId = String(form.get("partyId") ?? "") || null;
      const result = await workspaceApi.invite(ws.id(), {
        email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), role: role(),
        partyId, title: String(form.get("title") ?? "") || null,
      });
      setLink(result.invitationUrl);
      (e.currentTarget as HTMLFormElement).reset();
      props.onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="oogo-section" aria-labelledby="invite-heading">
      <h2 class="utrecht-heading-2" id="invite-heading">Deelnemer uitnodigen</h2>
      <Show when={open()} fallback={<button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setOpen(true)}>Iemand uitnodigen</button>}>
        <Show when={error()}><ErrorAlert error={error()} title="Uitnodigen mislukt" /></Show>
        <Show when={link()}>
          <InfoAlert type="ok">
            <p class="utrecht-paragraph">Uitgenodigd. Stuur deze eenmalige link naar de deelnemer om een wachtwoord te kiezen:</p>
            <p class="utrecht-paragraph"><code class="oogo-break">{link()}</code></p>
          </InfoAlert>
        </Show>
        <form class="utrecht-form oogo-inline-form" onSubmit={submit}>
          <Field id="inv-name" label="Naam"><input id="inv-name" name="name" required class="utrecht-textbox utrecht-textbox--html-input" /></Field>
          <Field id="inv-email" label="E-mailadres"><input id="inv-email" name="email" type="email" required class="utrecht-textbox utrecht-textbox--html-input" /></Field>
          <Field id="inv-title" label="Functie (optioneel)"><input id="inv-title" name="title" class="utrecht-textbox utrecht-textbox--html-input" /></Field>
          <Field id="inv-role" label="Rol">
            <select id="inv-role" name="role" class="utrecht-select utrecht-select--html-select" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              <For each={[...ROLES]}>{(r) => <option value={r}>{ROLE_LABELS[r]}</option>}</For>
            </select>
          </Field>
          <Field id="inv-party" label={requiresParty(role()) ? "Namens partij" : "Namens partij (optioneel)"}>
            <select id="inv-party" name="partyId" class="utrecht-select utrecht-select--html-select" required={requiresParty(role())}>
              <option value="">{requiresParty(role()) ? "Kies een partij" : "Geen (hele tafel)"}</option>
              <For each={ws.workspace()?.parties ?? []}>{(p) => <option value={p.id}>{p.name}</option>}</For>
            </select>
          </Field>
          <div class="utrecht-button-group">
            <button type="submit" class="utrecht-button utrecht-button--primary-action">Uitnodigen</button>
            <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setOpen(false)}>Sluiten</button>
          </div>
        </form>
      </Show>
    </section>
  );
}

function Field(props: { id: string; label: string; children: any }) {
  return (
    <div class="utrecht-form-field">
      <div class="utrecht-form-field__label"><label class="utrecht-form-label" for={props.id}>{props.label}</label></div>
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}
