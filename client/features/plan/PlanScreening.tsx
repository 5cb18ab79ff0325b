/**
 * The screening of a plan version (issue 14): per theme and overleg question the proposed score
 * with the scale explained, the passages it rests on (linking into the plan text), the signals in
 * words, every party's opinion — a disagreement said in words — the trekker's own score, what
 * moved since the previous version, and "Maak bespreekpunt" for a theme at 0–1.
 */
import { A } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, onCleanup, Show, untrack } from "solid-js";
import { SCREENING_SCALE, scaleStep, type ScreeningScore } from "../../../shared/domain/screening/scale.ts";
import { sectionLabel } from "../../../shared/domain/screening/wording.ts";
import type {
  PlanScreeningView,
  ScreeningEvidenceView,
  ScreeningMoveView,
  ScreeningThemeView,
} from "../../../shared/schemas/screening.ts";
import { screeningApi } from "../../api/screening.ts";
import { createAction } from "../../ui/createAction.ts";
import { ActionForm } from "../../ui/ActionForm.tsx";
import { SelectBoxField, TextAreaField } from "../../ui/FieldControls.tsx";
import { ErrorAlert, Loaded } from "../../ui/feedback.tsx";
import { fieldError, inputError } from "../../ui/inputErrors.ts";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";

const scoreText = (score: number) => `${score} – ${scaleStep(score as ScreeningScore).label}`;

export function PlanScreening(props: { versionId: string; onShowSection: (sectionId: string) => void }) {
  const ws = useWorkspace();
  const [screening, { refetch }] = createResource(
    () => [ws.id(), props.versionId] as const,
    ([workspaceId, versionId]) => screeningApi.get(workspaceId, versionId),
  );
  // Another party's opinion or a new bespreekpunt shows up without reloading.
  createEffect(() => {
    const id = props.versionId;
    onCleanup(
      ws.onLive((e) => {
        if ((e.entity === "screening" && e.entityId === id) || e.entity === "bespreekpunt") void refetch();
      }),
    );
  });
  return (
    <Loaded when={screening} label="Screening laden…">
      {(s) => (
        <div class="oogo-screening">
          <p class="utrecht-paragraph">
            De screening leest de tekst van deze versie en stelt per thema een score voor, met de passages waarop dat
            voorstel rust. Het is een voorstel: de ambtelijk trekker van elke partij kan een eigen score geven, met een
            reden. Voorstel en oordelen blijven allebei zichtbaar.
          </p>
          <section aria-labelledby="screening-scale" class="oogo-screening__scale">
            <h3 id="screening-scale" class="utrecht-heading-3">
              De schaal
            </h3>
            <dl class="oogo-screening__steps">
              <For each={SCREENING_SCALE}>
                {(step) => (
                  <div>
                    <dt>
                      {step.score} – {step.label}
                    </dt>
                    <dd>{step.explanation}</dd>
                  </div>
                )}
              </For>
            </dl>
          </section>
          <Show when={s().previous}>{(prev) => <Moves previous={prev()} moves={s().moves} />}</Show>
          <For each={s().themes}>
            {(theme) => (
              <ThemeCard
                theme={theme}
                screening={s()}
                onShowSection={props.onShowSection}
                onChanged={() => void refetch()}
              />
            )}
          </For>
        </div>
      )}
    </Loaded>
  );
}

function Moves(props: { previous: NonNullable<PlanScreeningView["previous"]>; moves: ScreeningMoveView[] }) {
  const moved = () => props.moves.filter((m) => m.moved);
  return (
    <section aria-labelledby="screening-moves" class="oogo-screening__moves">
      <h3 id="screening-moves" class="utrecht-heading-3">
        Wat verschoof sinds versie {props.previous.seq} ({props.previous.label})
      </h3>
      <Show
        when={moved().length > 0}
        fallback={<p class="utrecht-paragraph">Geen thema kreeg een andere score of andere passages.</p>}
      >
        <ul class="utrecht-unordered-list">
          <For each={moved()}>
            {(m) => (
              <li class="utrecht-unordered-list__item">
                <strong>{m.label}</strong>:{" "}
                {m.previousScore === null
                  ? `nieuw thema, ${scoreText(m.score)}`
                  : m.previousScore === m.score
                    ? `blijft ${scoreText(m.score)}`
                    : `van ${scoreText(m.previousScore)} naar ${scoreText(m.score)}`}
                .
                <Show when={m.evidenceAdded.length > 0}>
                  <p class="utrecht-paragraph oogo-screening__moved">
                    Nieuw geciteerd:{" "}
                    <For each={m.evidenceAdded}>{(e) => <q class="oogo-screening__inline-quote">{e.quote}</q>}</For>
                  </p>
                </Show>
                <Show when={m.evidenceRemoved.length > 0}>
                  <p class="utrecht-paragraph oogo-screening__moved">
                    Niet meer geciteerd:{" "}
                    <For each={m.evidenceRemoved}>{(e) => <q class="oogo-screening__inline-quote">{e.quote}</q>}</For>
                  </p>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function ThemeCard(props: {
  theme: ScreeningThemeView;
  screening: PlanScreeningView;
  onShowSection: (sectionId: string) => void;
  onChanged: () => void;
}) {
  const ws = useWorkspace();
  const id = () => `screening-${props.theme.key}`;
  const mine = () => props.theme.opinions.find((o) => o.partyId === props.screening.opinionPartyId);
  const make = createAction(() => screeningApi.makeBespreekpunt(ws.id(), props.screening.versionId, props.theme.key), {
    announce: () => "Bespreekpunt gemaakt.",
  });
  return (
    <section aria-labelledby={`${id()}-title`} class="oogo-screening__theme">
      <h3 id={`${id()}-title`} class="utrecht-heading-3">
        {props.theme.label}
      </h3>
      <p class="utrecht-paragraph oogo-screening__proposal">
        <strong>Voorstel: {scoreText(props.theme.score)}.</strong>{" "}
        {scaleStep(props.theme.score as ScreeningScore).explanation}
      </p>
      <p class="utrecht-paragraph">{props.theme.reason}</p>
      <Show when={props.theme.perGemeente.length > 0}>
        <p class="utrecht-paragraph">
          Per gemeente: {props.theme.perGemeente.map((g) => `${g.gemeente} ${g.score} – ${g.scoreLabel}`).join("; ")}.
        </p>
      </Show>
      <Show when={props.theme.evidence.length > 0}>
        <h4 class="utrecht-heading-4">Waarop het voorstel rust</h4>
        <ul class="oogo-screening__evidence">
          <For each={props.theme.evidence}>
            {(e) => <EvidenceItem evidence={e} onShowSection={props.onShowSection} />}
          </For>
        </ul>
      </Show>
      <Show when={props.theme.signals.length > 0}>
        <h4 class="utrecht-heading-4">Wat de screening zag</h4>
        <ul class="utrecht-unordered-list">
          <For each={props.theme.signals}>{(line) => <li class="utrecht-unordered-list__item">{line}</li>}</For>
        </ul>
      </Show>
      <h4 class="utrecht-heading-4">Oordelen van de partijen</h4>
      <Show
        when={props.theme.opinions.length > 0}
        fallback={<p class="utrecht-paragraph">Nog geen partij gaf een eigen score.</p>}
      >
        <Show when={props.theme.disagreement}>
          <p class="utrecht-paragraph oogo-screening__disagreement">
            <strong>De partijen verschillen van oordeel:</strong>{" "}
            {props.theme.opinions.map((o) => `${o.partyName} geeft ${scoreText(o.score)}`).join(", ")}.
          </p>
        </Show>
        <ul class="oogo-screening__opinions">
          <For each={props.theme.opinions}>
            {(o) => (
              <li>
                <strong>{o.partyName}</strong>: {scoreText(o.score)}
                {o.score === props.theme.score ? " (gelijk aan het voorstel)" : " (wijkt af van het voorstel)"}.
                <br />
                Reden: {o.reason}
                <Show when={o.quote}>
                  {(q) => (
                    <>
                      <br />
                      Citaat: <q>{q()}</q>
                    </>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.screening.opinionPartyId}>
        <OpinionForm
          idPrefix={id()}
          versionId={props.screening.versionId}
          themeKey={props.theme.key}
          proposal={props.theme.score}
          current={mine()}
          onSaved={props.onChanged}
        />
      </Show>
      <Show when={props.theme.offersBespreekpunt && props.screening.canMakeBespreekpunt}>
        <Show
          when={props.theme.bespreekpuntId ?? make.result()?.bespreekpunt.id}
          fallback={
            <div class="oogo-screening__make">
              <Show when={make.error()}>
                {(error) => <ErrorAlert error={error()} title="Het bespreekpunt is niet gemaakt" />}
              </Show>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                disabled={make.busy()}
                aria-describedby={`${id()}-make-hint`}
                onClick={() => {
                  const changed = props.onChanged;
                  void make.run().then((r) => r && changed());
                }}
              >
                {make.busy() ? "Bezig…" : `Maak bespreekpunt over ${props.theme.label.toLowerCase()}`}
              </button>
              <p id={`${id()}-make-hint`} class="utrecht-paragraph oogo-screening__hint">
                Het plan beschrijft dit onderwerp niet of alleen in algemene woorden. Een bespreekpunt zet de vraag op
                de lijst van de tafel, met een verwijzing naar deze versie van het plan.
              </p>
            </div>
          }
        >
          <p class="utrecht-paragraph">
            Er is een bespreekpunt over dit thema gemaakt.{" "}
            <A class="utrecht-link" href={`/tafels/${encodeURIComponent(ws.id())}/bespreekpunten`}>
              Naar de bespreekpunten
            </A>
          </p>
        </Show>
      </Show>
    </section>
  );
}

function EvidenceItem(props: { evidence: ScreeningEvidenceView; onShowSection: (sectionId: string) => void }) {
  const where = () => sectionLabel(props.evidence) || "Tekst vóór het eerste hoofdstuk";
  return (
    <li class="oogo-screening__passage">
      <a
        class="utrecht-link"
        href={`#plan-section-${props.evidence.sectionId}`}
        onClick={(e) => {
          e.preventDefault();
          props.onShowSection(props.evidence.sectionId);
        }}
      >
        <span class="oogo-visually-hidden">Naar paragraaf </span>
        {where()}
      </a>
      <blockquote class="utrecht-blockquote oogo-screening__quote">{props.evidence.quote}</blockquote>
      <Show when={props.evidence.signals.length > 0}>
        <p class="utrecht-paragraph oogo-screening__signals">Kenmerken: {props.evidence.signals.join(", ")}.</p>
      </Show>
    </li>
  );
}

function OpinionForm(props: {
  idPrefix: string;
  versionId: string;
  themeKey: string;
  proposal: number;
  current: ScreeningThemeView["opinions"][number] | undefined;
  onSaved: () => void;
}) {
  const ws = useWorkspace();
  // The form starts from the party's current opinion; what is typed then is the user's.
  const start = untrack(() => props.current);
  const [score, setScore] = createSignal(String(start?.score ?? ""));
  const [reason, setReason] = createSignal(start?.reason ?? "");
  const [quote, setQuote] = createSignal(start?.quote ?? "");
  const save = createAction(
    async () => {
      if (score() === "") throw inputError("Kies de score van uw partij.", "score");
      if (reason().trim().length < 3) throw inputError("Geef een reden (minstens 3 tekens).", "reason");
      const result = await screeningApi.setOpinion(ws.id(), props.versionId, props.themeKey, {
        score: Number(score()),
        reason: reason().trim(),
        quote: quote().trim() ? quote().trim() : null,
      });
      props.onSaved();
      return result;
    },
    { announce: () => "De score van uw partij is vastgelegd." },
  );
  const p = () => props.idPrefix;
  return (
    <details class="oogo-screening__form" open={false}>
      <summary>{props.current ? "Score van uw partij wijzigen" : "Score van uw partij geven"}</summary>
      <ActionForm action={save} errorTitle="De score is niet vastgelegd">
        <SelectBoxField
          id={`${p()}-score`}
          label="Score van uw partij"
          required
          error={fieldError(save.error(), "score")}
          value={score()}
          onChange={(e) => setScore(e.currentTarget.value)}
        >
          <option value="">Kies een score</option>
          <For each={SCREENING_SCALE}>
            {(step) => (
              <option value={String(step.score)}>
                {step.score} – {step.label}
                {step.score === props.proposal ? " (voorstel)" : ""}
              </option>
            )}
          </For>
        </SelectBoxField>
        <TextAreaField
          id={`${p()}-reason`}
          label="Reden"
          required
          error={fieldError(save.error(), "reason")}
          rows="3"
          maxlength="2000"
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <TextAreaField
          id={`${p()}-quote`}
          label="Citaat uit het plan (niet verplicht)"
          hint="De zin uit het plan waarop uw score rust."
          error={fieldError(save.error(), "quote")}
          rows="2"
          maxlength="2000"
          value={quote()}
          onInput={(e) => setQuote(e.currentTarget.value)}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={save.busy()}>
          {save.busy() ? "Bezig…" : "Score vastleggen"}
        </button>
      </ActionForm>
    </details>
  );
}
