import { DiffParts } from "../../ui/DiffParts.tsx";
import { createEffect, createResource, createSignal, For, Show } from "solid-js";
import { pointsApi } from "../../api/points.ts";
import { ApiRequestError } from "../../api/http.ts";
import { SIGNABLE_STATUSES } from "../../../shared/domain/pointStatus.ts";
import type { PointDetail, PointEventView, SignoffView } from "../../../shared/schemas/points.ts";
import { ErrorAlert, InfoAlert } from "../../ui/feedback.tsx";
import { createAction } from "../../ui/createAction.ts";
import { StatusGroupIcon } from "./StatusBadge.tsx";
import { diffWords, hasChanges, proseMirrorToText } from "../../../shared/domain/textDiff.ts";
import { kenmerk } from "./format.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";

/** The logged text change (or "Heropenen"/"Herzien") that voided `signoff`, if the history has it. */
export function voidingEvent(history: readonly PointEventView[], signoff: SignoffView): PointEventView | undefined {
  if (signoff.voidedAt)
    return history.find(
      (e) =>
        e.type === "point.reopened" &&
        Array.isArray(e.data.voidedSignoffs) &&
        (e.data.voidedSignoffs as Array<{ signoffId?: unknown }>).some((v) => v.signoffId === signoff.id),
    );
  return (
    history.find(
      (e) =>
        e.type === "point.text_changed" &&
        Array.isArray(e.data.verouderdeSignoffs) &&
        (e.data.verouderdeSignoffs as unknown[]).includes(signoff.id),
    ) ?? history.find((e) => e.type === "point.text_changed" && e.data.previousTextHash === signoff.textHash)
  );
}

/** Parties whose only signatures are verouderd: they signed, the text changed, they did not sign again. */
export function staleParties(point: PointDetail): Array<{ partyId: string; partyName: string; latest: SignoffView }> {
  const out: Array<{ partyId: string; partyName: string; latest: SignoffView }> = [];
  for (const party of point.parties) {
    if (party.signoff) continue;
    const mine = point.signoffs.filter((s) => s.partyId === party.id && s.verouderd);
    const latest = mine[mine.length - 1];
    if (latest) out.push({ partyId: party.id, partyName: party.name, latest });
  }
  return out;
}

/** This party's latest signature when it went void and was not renewed, else null. */
export function ownStaleSignoff(point: PointDetail, partyId: string): SignoffView | null {
  return staleParties(point).find((s) => s.partyId === partyId)?.latest ?? null;
}

/** The latest void signatures grouped by the text they were given on (one alert per text). */
export function staleByText(point: PointDetail, exceptPartyId: string | null): SignoffView[][] {
  const groups = new Map<string, SignoffView[]>();
  for (const { partyId, latest } of staleParties(point)) {
    if (partyId === exceptPartyId) continue;
    groups.set(latest.textHash, [...(groups.get(latest.textHash) ?? []), latest]);
  }
  return [...groups.values()];
}

/**
 * For a bestuurder or wethouder: exactly what they sign (version, time, short hash of the current
 * text) with an explicit confirmation naming their party and the kenmerk; and, loudly, when an
 * earlier signature of theirs went void because the text changed since — with what changed.
 */
export function SignoffPanel(props: {
  point: PointDetail;
  history: readonly PointEventView[];
  partyId: string;
  partyName: string;
  onChanged: (p: PointDetail | null) => void;
}) {
  const [confirmed, setConfirmed] = createSignal(false);
  // The point as the bestuurder saw it when signing: that hash and version are what they sign.
  const signOff = createAction((point: PointDetail) =>
    pointsApi.signOff(point.id, { textHash: point.textHash, expectedVersion: point.version }),
  );
  const party = () => props.point.parties.find((p) => p.id === props.partyId);
  const valid = () => party()?.signoff ?? null;
  const stale = () => {
    if (valid()) return null;
    const mine = props.point.signoffs.filter((s) => s.partyId === props.partyId && s.verouderd);
    return mine[mine.length - 1] ?? null;
  };
  const ability = () => props.point.abilities.signOff;
  // The confirmation is bound to one hash: a new text needs a new, deliberate tick.
  let confirmedFor = "";
  const isConfirmed = () => confirmed() && confirmedFor === props.point.textHash;

  // After signing, keyboard focus goes to the confirmation once the page shows it (the form it
  // came from is gone or disabled; focus would otherwise drop to the page body).
  const [focusConfirmation, setFocusConfirmation] = createSignal(false);
  let confirmationEl: HTMLDivElement | undefined;
  createEffect(() => {
    if (!focusConfirmation() || !valid()) return;
    setFocusConfirmation(false);
    queueMicrotask(() => confirmationEl?.focus());
  });

  const sign = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!isConfirmed()) return;
    const signed = await signOff.run(props.point);
    setConfirmed(false);
    if (signed) setFocusConfirmation(true);
    if (signed) props.onChanged(signed);
    else if (signOff.error() instanceof ApiRequestError && (signOff.error() as ApiRequestError).status === 409)
      props.onChanged(null);
  };

  return (
    <section class="oogo-sign" id="ondertekenen" aria-labelledby="sign-heading" tabindex="-1">
      <h2 class="utrecht-heading-2" id="sign-heading">
        Ondertekenen namens {props.partyName}
      </h2>

      {/* The loud alert with the diff sits at the top of the page; here a reminder next to the action. */}
      <Show when={stale()}>
        {(s) => (
          <p class="oogo-sign__stale">
            <span class="oogo-tone--geschil">
              <StatusGroupIcon group="geschil" />
            </span>
            <span>
              <span class="oogo-verouderd-tag">Verouderd</span> Uw ondertekening van {formatDateTime(s().signedAt)}{" "}
              (kenmerk <span class="oogo-hash">{kenmerk(s().textHash)}</span>) telt niet meer:{" "}
              {s().voidedAt ? "het punt is daarna heropend." : "de tekst is daarna gewijzigd."}
            </span>
          </p>
        )}
      </Show>

      <Show
        when={party()}
        fallback={<p class="oogo-hint">Dit punt geldt niet voor {props.partyName}; u ondertekent het niet.</p>}
      >
        <Show when={valid()} keyed>
          {(v) => (
            <div
              class="oogo-sign__confirmation"
              id="ondertekening-bevestigd"
              tabindex="-1"
              ref={(el) => (confirmationEl = el)}
            >
              <InfoAlert type="ok">
                <p class="utrecht-paragraph">
                  <strong>Ondertekend.</strong> {v.signer.name} heeft op {formatDateTime(v.signedAt)} namens{" "}
                  {props.partyName} de huidige tekst ondertekend (tekstversie {props.point.textVersionNumber}, kenmerk{" "}
                  <span class="oogo-hash">{kenmerk(v.textHash)}</span>).
                </p>
              </InfoAlert>
            </div>
          )}
        </Show>

        <Show when={signOff.error()}>
          <ErrorAlert error={signOff.error()} title="Niet ondertekend" />
        </Show>
        <Show when={!valid() && !ability().ok}>
          <p class="oogo-hint" style={{ margin: "0 0 6px" }}>
            <strong>Ondertekenen kan nu niet.</strong>{" "}
            {ability().reason ??
              (SIGNABLE_STATUSES.includes(props.point.status) ? "" : "Het punt is nog niet klaar voor ondertekening.")}
          </p>
          <p class="oogo-hint" style={{ margin: "0" }}>
            Huidige tekst: tekstversie {props.point.textVersionNumber}, kenmerk{" "}
            <span class="oogo-hash">{kenmerk(props.point.textHash)}</span>.
          </p>
        </Show>

        <Show when={!valid() && ability().ok}>
          <p style={{ margin: "0 0 8px" }}>U ondertekent precies deze tekst:</p>
          <dl class="oogo-sign__what">
            <div>
              <dt>Punt</dt>
              <dd>{props.point.title}</dd>
            </div>
            <div>
              <dt>Tekstversie</dt>
              <dd>{props.point.textVersionNumber}</dd>
            </div>
            <div>
              <dt>Stand van</dt>
              <dd>{formatDateTime(props.point.updatedAt)}</dd>
            </div>
            <div>
              <dt>Kenmerk</dt>
              <dd>
                <span class="oogo-hash">{kenmerk(props.point.textHash)}</span>
              </dd>
            </div>
          </dl>
          <details style={{ margin: "0 0 10px", "font-size": "0.9rem" }}>
            <summary>Volledig kenmerk</summary>
            <p class="oogo-hash oogo-break" style={{ display: "block", margin: "6px 0 0", padding: "6px" }}>
              {props.point.textHash}
            </p>
          </details>
          <form onSubmit={(e) => void sign(e)}>
            <label class="oogo-sign__confirm">
              <input
                type="checkbox"
                class="utrecht-checkbox utrecht-checkbox--html-input"
                checked={isConfirmed()}
                onChange={(e) => {
                  confirmedFor = props.point.textHash;
                  setConfirmed(e.currentTarget.checked);
                }}
              />
              <span>
                Ik onderteken namens {props.partyName} de tekst met kenmerk{" "}
                <span class="oogo-hash">{kenmerk(props.point.textHash)}</span>… (tekstversie{" "}
                {props.point.textVersionNumber}).
              </span>
            </label>
            <button
              type="submit"
              class="utrecht-button utrecht-button--primary-action"
              disabled={!isConfirmed() || signOff.busy()}
              aria-busy={signOff.busy() ? "true" : undefined}
            >
              {signOff.busy() ? "Bezig met ondertekenen…" : "Ondertekenen"}
            </button>
          </form>
        </Show>
      </Show>
    </section>
  );
}

/**
 * Loud warning that signatures no longer count: who signed when, signed hash vs current hash,
 * when the text changed, and a word diff between the signed text and the current one when both
 * are on record. Signatures on the same text share one alert.
 */
export function VerouderdAlert(props: {
  point: PointDetail;
  signoffs: SignoffView[];
  history: readonly PointEventView[];
  own?: boolean;
  /** Other parties' signatures on the same text that went void too (named in the signer's own alert). */
  alsoVoid?: SignoffView[];
}) {
  const first = () => props.signoffs[0]!;
  const changed = () => voidingEvent(props.history, first());
  const names = () => {
    const list = props.signoffs.map((s) => s.partyName);
    return list.length > 1 ? `${list.slice(0, -1).join(", ")} en ${list[list.length - 1]}` : (list[0] ?? "");
  };
  const many = () => props.signoffs.length > 1;
  return (
    <div class="oogo-alert-loud" role="alert">
      <h3>
        <span class="oogo-tone--geschil">
          <StatusGroupIcon group="geschil" />
        </span>
        {props.own
          ? "Uw eerdere ondertekening is verouderd"
          : many()
            ? `Ondertekeningen van ${names()} zijn verouderd`
            : `Ondertekening van ${names()} is verouderd`}
      </h3>
      <p>
        <For each={props.signoffs}>
          {(s, i) => (
            <>
              {i() > 0 ? " " : ""}
              {s.signer.name} ondertekende op {formatDateTime(s.signedAt)} namens {s.partyName}.
            </>
          )}
        </For>{" "}
        {first().voidedAt
          ? `Daarna is het punt heropend${changed()?.reasoning ? ` (“${changed()!.reasoning}”)` : ""}`
          : "Daarna is de tekst gewijzigd"}
        ; {many() ? "deze ondertekeningen tellen" : "deze ondertekening telt"} niet meer mee
        {props.own ? " en u moet de nieuwe tekst opnieuw beoordelen" : ""}.
      </p>
      <Show when={props.alsoVoid && props.alsoVoid.length > 0}>
        <p>
          Ook verouderd:{" "}
          <For each={props.alsoVoid}>
            {(s, i) => (
              <>
                {i() > 0 ? "; " : ""}de ondertekening van {s.partyName} ({s.signer.name}, {formatDateTime(s.signedAt)})
              </>
            )}
          </For>
          .
        </p>
      </Show>
      <dl>
        <dt>Ondertekende tekst</dt>
        <dd>
          kenmerk <span class="oogo-hash">{kenmerk(first().textHash)}</span>
        </dd>
        <dt>Huidige tekst</dt>
        <dd>
          tekstversie {props.point.textVersionNumber}, kenmerk{" "}
          <span class="oogo-hash">{kenmerk(props.point.textHash)}</span>
        </dd>
        <dt>{first().voidedAt ? "Heropend op" : "Tekst gewijzigd op"}</dt>
        <dd>{changed() ? formatDateTime(changed()!.at) : "onbekend"}</dd>
      </dl>
      <TextChanges
        pointId={props.point.id}
        fromHash={first().textHash}
        toHash={props.point.textHash}
        fallbackToHash={changed()?.textHash ?? null}
      />
    </div>
  );
}

/** What changed between two text versions, as a word diff (inserted = underlined, deleted = struck through). */
export function TextChanges(props: {
  pointId: string;
  fromHash: string;
  toHash: string;
  fallbackToHash: string | null;
}) {
  const [diff] = createResource(
    () => ({ id: props.pointId, from: props.fromHash, to: props.toHash, fallback: props.fallbackToHash }),
    async (k) => {
      const before = await pointsApi.textVersion(k.id, k.from);
      let after;
      let exact = true;
      try {
        after = await pointsApi.textVersion(k.id, k.to);
      } catch (err) {
        if (!(err instanceof ApiRequestError && err.status === 404) || !k.fallback || k.fallback === k.to) throw err;
        after = await pointsApi.textVersion(k.id, k.fallback);
        exact = false;
      }
      return { parts: diffWords(proseMirrorToText(before.json), proseMirrorToText(after.json)), exact };
    },
  );
  return (
    <details open>
      <summary>
        <strong>Wat is er veranderd?</strong>
      </summary>
      <Show
        when={!diff.error}
        fallback={
          <p>
            De vergelijking met de ondertekende tekst is niet beschikbaar. Lees de huidige tekst hierboven volledig
            voordat u opnieuw ondertekent.
          </p>
        }
      >
        <Show when={diff()} fallback={<p role="status">Vergelijking laden…</p>}>
          {(d) => (
            <>
              <p class="oogo-diff-legend">
                <ins>Onderstreept</ins> is toegevoegd, <del>doorgestreept</del> is verwijderd.
                {d().exact
                  ? ""
                  : " (Vergeleken met de tekst direct na de wijziging; er kan daarna nog meer veranderd zijn.)"}
              </p>
              <Show
                when={hasChanges(d().parts)}
                fallback={<p>Geen verschil in de lopende tekst; alleen de opmaak is gewijzigd.</p>}
              >
                <div class="oogo-diff" tabindex="0" aria-label="Verschil tussen de ondertekende en de huidige tekst">
                  <DiffParts parts={d().parts} />
                </div>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </details>
  );
}

/** Every party in scope: valid signature, or not yet; plus signatures that went void. For everyone to see. */
export function SignoffOverview(props: { point: PointDetail }) {
  const signedCount = () => props.point.parties.filter((p) => p.signoff).length;
  const verouderd = () =>
    props.point.signoffs
      .filter((s) => s.verouderd)
      .slice()
      .reverse();
  return (
    <section class="oogo-side-panel" aria-labelledby="signoffs-heading">
      <h2 class="utrecht-heading-2" id="signoffs-heading">
        Ondertekeningen
      </h2>
      <p class="oogo-hint">
        {signedCount()} van {props.point.parties.length} partijen hebben de huidige tekst ondertekend.
      </p>
      <ul class="oogo-signed-list">
        <For each={props.point.parties}>
          {(p) => (
            <li>
              <span class={`oogo-tone--${p.signoff ? "akkoord" : "open"}`}>
                <StatusGroupIcon group={p.signoff ? "akkoord" : "open"} />
              </span>
              <span>
                <strong>{p.name}</strong>:{" "}
                {/* keyed: a live refresh that voids the signature sets it to null in place; the
                    children keep the object they were made with and are then replaced. */}
                <Show when={p.signoff} keyed fallback="nog niet ondertekend">
                  {(s) => (
                    <>
                      ondertekend door {s.signer.name} op {formatDateTime(s.signedAt)} (kenmerk{" "}
                      <span class="oogo-hash">{kenmerk(s.textHash)}</span>)
                    </>
                  )}
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={verouderd().length > 0}>
        <h3 class="utrecht-heading-3" style={{ "font-size": "1rem", margin: "14px 0 6px" }}>
          Verouderde ondertekeningen
        </h3>
        <ul class="oogo-signed-list">
          <For each={verouderd()}>
            {(s) => (
              <li>
                <span class="oogo-tone--geschil">
                  <StatusGroupIcon group="geschil" />
                </span>
                <span>
                  <span class="oogo-verouderd-tag">Verouderd</span> {s.partyName}: {s.signer.name},{" "}
                  {formatDateTime(s.signedAt)}, kenmerk <span class="oogo-hash">{kenmerk(s.textHash)}</span>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
