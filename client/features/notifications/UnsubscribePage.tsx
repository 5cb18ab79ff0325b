import { useSearchParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { notificationsApi } from "../../api/notifications.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorAlert, InfoAlert, Loaded } from "../../ui/feedback.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";

/**
 * The page behind "Geen e-mail meer hierover" in a notification mail. Works without login: the
 * link carries a signed token. Opening it changes nothing (mail scanners open links); the button
 * does. The notices themselves stay in the app.
 */
export default function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = () => (typeof params.token === "string" ? params.token : "");
  const [what] = createResource(token, (t) => notificationsApi.describeUnsubscribe(t));
  const done = createAction(() => notificationsApi.unsubscribe(token()), {
    announce: () => "U bent afgemeld.",
  });
  return (
    <div class="oogo-narrow">
      <PageTitle>Afmelden voor e-mail</PageTitle>
      <Show
        when={token()}
        fallback={
          <InfoAlert type="warning">
            <p class="utrecht-paragraph">
              Deze link is onvolledig. Kopieer de hele link uit de e-mail, of kies uw meldingen onder Mijn account.
            </p>
          </InfoAlert>
        }
      >
        <Loaded when={what} label="Afmeldlink controleren…">
          {(view) => (
            <Show
              when={done.result()}
              fallback={
                <>
                  <p class="utrecht-paragraph">U krijgt dan geen e-mail meer over:</p>
                  <ul class="utrecht-unordered-list">
                    <For each={view().kinds} fallback={<li>niets (u krijgt hierover al geen e-mail)</li>}>
                      {(k) => <li>{k.label}</li>}
                    </For>
                  </ul>
                  <p class="utrecht-paragraph">De meldingen zelf blijven zichtbaar in OOGO Werkruimte.</p>
                  <Show when={done.error()}>
                    {(error) => <ErrorAlert error={error()} title="Afmelden lukte niet" />}
                  </Show>
                  <button
                    type="button"
                    class="utrecht-button utrecht-button--primary-action"
                    disabled={done.busy()}
                    onClick={() => void done.run()}
                  >
                    {done.busy() ? "Bezig…" : "Afmelden"}
                  </button>
                </>
              }
            >
              <InfoAlert type="ok">
                <p class="utrecht-paragraph">
                  U bent afgemeld. U krijgt geen e-mail meer over:{" "}
                  {view()
                    .kinds.map((k) => k.label.toLowerCase())
                    .join(", ") || "deze meldingen"}
                  . U kunt dit altijd weer aanzetten onder Mijn account → Meldingen.
                </p>
              </InfoAlert>
            </Show>
          )}
        </Loaded>
      </Show>
    </div>
  );
}
