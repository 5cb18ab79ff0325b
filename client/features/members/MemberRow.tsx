import { createEffect, createSignal, For, on, Show } from "solid-js";
import { workspaceApi } from "../../api/endpoints.ts";
import { ROLES, ROLE_LABELS, requiresParty, type Role } from "../../../shared/domain/roles.ts";
import {
  describeMemberChange,
  memberChangeProblem,
  type MemberChange,
  type MemberSeat,
  type PartySeat,
} from "../../../shared/domain/memberChanges.ts";
import type { MemberView } from "../../../shared/schemas/workspace.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";

/**
 * One member, for whoever manages members: role and party are chosen first, then the page says
 * what will happen and asks for confirmation (issue 15: a role used to change the moment the
 * select moved). A change that would leave a party without its trekker or bestuurder, or the
 * tafel without a manager, is explained and not offered; the server refuses it too (409).
 */
export function MemberRow(props: {
  member: MemberView;
  members: readonly MemberView[];
  manage: boolean;
  onChange: () => void;
  /** A removed member's row goes away, so the page shows (and focuses) that outcome. */
  onRemoved: (message: string) => void;
}) {
  const ws = useWorkspace();
  // Seeded from the member; reset whenever the member changes (the effect below).
  const current = () => ({ role: props.member.role, partyId: props.member.party?.id ?? null });
  const [role, setRole] = createSignal<Role>(current().role);
  const [partyId, setPartyId] = createSignal<string | null>(current().partyId);
  const [removing, setRemoving] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let doneEl: HTMLParagraphElement | undefined;

  const parties = (): PartySeat[] =>
    (ws.workspace()?.parties ?? []).map((p) => ({ id: p.id, name: p.name, kind: p.kind, left: p.leftAt !== null }));
  const seats = (): MemberSeat[] =>
    props.members.map((m) => ({ id: m.id, role: m.role, partyId: m.party?.id ?? null }));
  const change = (): MemberChange | null => {
    if (removing()) return { membershipId: props.member.id, remove: true };
    if (role() === props.member.role && partyId() === (props.member.party?.id ?? null)) return null;
    return { membershipId: props.member.id, role: role(), partyId: partyId() };
  };
  const needsParty = () => !removing() && requiresParty(role()) && !partyId();
  const problem = () => {
    const c = change();
    return c ? memberChangeProblem(seats(), parties(), c) : null;
  };
  const summary = () => {
    const c = change();
    const m = props.member;
    return c ? describeMemberChange({ name: m.name, role: m.role, partyId: m.party?.id ?? null }, parties(), c) : "";
  };
  const cancel = () => {
    setRole(props.member.role);
    setPartyId(props.member.party?.id ?? null);
    setRemoving(false);
  };
  // The member changed (by us or live by someone else): start from what now holds.
  createEffect(on(() => [props.member.role, props.member.party?.id], cancel, { defer: true }));
  const confirm = async () => {
    const c = change();
    if (!c) return;
    const said = summary();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      if (c.remove) await workspaceApi.revokeMember(ws.id(), props.member.id);
      else await workspaceApi.changeMember(ws.id(), props.member.id, { role: c.role, partyId: c.partyId });
      setRemoving(false);
      if (c.remove) {
        props.onRemoved(`${props.member.name} is van deze tafel verwijderd.`);
      } else {
        setDone(`Gewijzigd. ${said.replace(" Dit gaat direct in.", "")}`);
        // The confirm buttons are gone: keep keyboard focus on the outcome, not the page body.
        queueMicrotask(() => doneEl?.focus());
      }
      props.onChange();
    } catch (err) {
      setError(err);
      cancel(); // refused: show what still holds
    } finally {
      setBusy(false);
    }
  };

  const id = (what: string) => `${what}-${props.member.id}`;
  const choosable = () => (ws.workspace()?.parties ?? []).filter((p) => p.leftAt === null || p.id === partyId());
  return (
    <tr class="utrecht-table__row">
      <td class="utrecht-table__cell" data-label="Naam">
        {props.member.name}
      </td>
      <td class="utrecht-table__cell oogo-break" data-label="E-mail">
        {props.member.email}
      </td>
      <td class="utrecht-table__cell" data-label="Partij">
        <Show when={props.manage} fallback={props.member.party?.name ?? "—"}>
          <label class="oogo-visually-hidden" for={id("party")}>
            Partij van {props.member.name}
          </label>
          <select
            id={id("party")}
            class="utrecht-select utrecht-select--html-select oogo-members__select"
            disabled={busy() || removing()}
            value={partyId() ?? ""}
            onChange={(e) => setPartyId(e.currentTarget.value || null)}
          >
            <option value="">Geen (hele tafel)</option>
            <For each={choosable()}>{(p) => <option value={p.id}>{p.name}</option>}</For>
          </select>
        </Show>
      </td>
      <td class="utrecht-table__cell" data-label="Rol">
        <Show when={props.manage} fallback={ROLE_LABELS[props.member.role]}>
          <label class="oogo-visually-hidden" for={id("role")}>
            Rol van {props.member.name}
          </label>
          <select
            id={id("role")}
            class="utrecht-select utrecht-select--html-select oogo-members__select"
            disabled={busy() || removing()}
            value={role()}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
          >
            <For each={[...ROLES]}>{(r) => <option value={r}>{ROLE_LABELS[r]}</option>}</For>
          </select>
        </Show>
      </td>
      <Show when={props.manage}>
        <td class="utrecht-table__cell" data-label="Beheer">
          <Show when={error()}>
            <ErrorAlert error={error()} title={`Niet gewijzigd: ${props.member.name}`} />
          </Show>
          <Show when={done()}>
            <p class="utrecht-paragraph oogo-members__done" role="status" tabindex="-1" ref={doneEl}>
              {done()}
            </p>
          </Show>
          <Show
            when={change()}
            fallback={
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action utrecht-button--danger"
                disabled={busy()}
                onClick={() => {
                  setDone(null);
                  setError(null);
                  setRemoving(true);
                }}
              >
                Verwijderen<span class="oogo-visually-hidden"> {props.member.name}</span>
              </button>
            }
          >
            <div class="oogo-members__confirm" role="group" aria-label={`Wijziging voor ${props.member.name}`}>
              <Show
                when={!problem() && !needsParty()}
                fallback={
                  <p class="utrecht-paragraph oogo-warning-text" aria-live="polite">
                    {needsParty()
                      ? `De rol ${ROLE_LABELS[role()]} handelt namens een partij: kies de partij.`
                      : `Dit kan niet. ${problem()}`}
                  </p>
                }
              >
                <p class="utrecht-paragraph" aria-live="polite">
                  {summary()}
                </p>
              </Show>
              <div class="oogo-members__actions">
                <Show when={!problem() && !needsParty()}>
                  <button
                    type="button"
                    class={`utrecht-button ${removing() ? "utrecht-button--primary-action utrecht-button--danger" : "utrecht-button--primary-action"}`}
                    disabled={busy()}
                    onClick={() => void confirm()}
                  >
                    {removing() ? "Ja, verwijderen" : "Wijziging bevestigen"}
                  </button>
                </Show>
                <button type="button" class="utrecht-button utrecht-button--subtle" disabled={busy()} onClick={cancel}>
                  Annuleren
                </button>
              </div>
            </div>
          </Show>
        </td>
      </Show>
    </tr>
  );
}
