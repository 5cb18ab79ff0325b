import { createResource, createSignal, For, onMount, Show } from "solid-js";
import { notificationsApi } from "../../api/notifications.ts";
import {
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationKind,
} from "../../../shared/domain/notifications.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary } from "../../ui/Field.tsx";
import { InfoAlert, Loaded } from "../../ui/feedback.tsx";

/**
 * Mijn account → Meldingen: per kind, whether a notice also comes by e-mail (at once, in the daily
 * overview, or not). The inbox in the app always shows every notice.
 */
export function PreferencesSection() {
  const [prefs, { mutate }] = createResource(() => notificationsApi.preferences());
  const [choices, setChoices] = createSignal<Partial<Record<NotificationKind, NotificationChannel>>>({});
  let section!: HTMLElement;
  onMount(() => {
    if (location.hash === "#meldingen") section.scrollIntoView();
  });
  const save = createAction(
    async () => {
      const current = prefs() ?? [];
      const preferences = current.map((p) => ({ kind: p.kind, channel: choices()[p.kind] ?? p.channel }));
      const saved = await notificationsApi.setPreferences({ preferences });
      mutate(saved);
      setChoices({});
      return saved;
    },
    { announce: () => "Uw keuzes voor meldingen zijn opgeslagen." },
  );
  return (
    <section id="meldingen" aria-labelledby="account-meldingen" class="oogo-section" ref={section}>
      <h2 id="account-meldingen" class="utrecht-heading-2">
        Meldingen
      </h2>
      <p class="utrecht-paragraph">
        Alle meldingen staan onder Meldingen in de kop van de pagina. Kies per soort of u er ook een e-mail over krijgt.
        Het dagelijkse overzicht komt om 7.00 uur.
      </p>
      <Loaded when={prefs} label="Uw keuzes laden…">
        {(list) => (
          <form
            class="utrecht-form"
            novalidate
            onSubmit={(e) => {
              e.preventDefault();
              void save.run();
            }}
          >
            <ErrorSummary error={save.error()} title="Opslaan lukte niet" />
            <For each={list()}>
              {(pref) => (
                <fieldset class="oogo-prefs" aria-describedby={`pref-${pref.kind}-hint`}>
                  <legend>{pref.label}</legend>
                  <p id={`pref-${pref.kind}-hint`} class="oogo-prefs__hint">
                    {pref.description}
                  </p>
                  <div class="oogo-prefs__options">
                    <For each={NOTIFICATION_CHANNELS}>
                      {(channel) => (
                        <label>
                          <input
                            type="radio"
                            class="utrecht-radio-button"
                            name={`pref-${pref.kind}`}
                            value={channel}
                            checked={(choices()[pref.kind] ?? pref.channel) === channel}
                            onChange={() => {
                              setChoices({ ...choices(), [pref.kind]: channel });
                              save.reset();
                            }}
                          />
                          {NOTIFICATION_CHANNEL_LABELS[channel]}
                        </label>
                      )}
                    </For>
                  </div>
                </fieldset>
              )}
            </For>
            <button
              type="submit"
              class="utrecht-button utrecht-button--primary-action"
              disabled={save.busy()}
              aria-busy={save.busy()}
            >
              {save.busy() ? "Bezig met opslaan…" : "Keuzes opslaan"}
            </button>
            <Show when={save.result()}>
              <InfoAlert type="ok">
                <p class="utrecht-paragraph">Uw keuzes voor meldingen zijn opgeslagen.</p>
              </InfoAlert>
            </Show>
          </form>
        )}
      </Loaded>
    </section>
  );
}
