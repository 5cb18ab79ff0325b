import { useNavigate } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import { myAccountApi } from "../api/endpoints.ts";
import { useSession } from "../app/session.tsx";
import { clearLocalCopies, hasUnsavedLocalChanges } from "../collab/localCopies.ts";
import type { AccountView } from "../../shared/schemas/auth.ts";
import { PageTitle } from "../ui/PageTitle.tsx";
import { createAction } from "../ui/createAction.ts";
import { ActionForm } from "../ui/ActionForm.tsx";
import { PasswordField, TextBoxField } from "../ui/FieldControls.tsx";
import { ErrorAlert, InfoAlert, Loaded } from "../ui/feedback.tsx";
import { fieldError, InvalidInput } from "../ui/inputErrors.ts";
import { PreferencesSection } from "../features/notifications/PreferencesSection.tsx";

/** "Mijn account": own name and functie, a new password, and signing out on every device. */
export default function AccountPage() {
  const [account, { mutate }] = createResource(() => myAccountApi.get());
  return (
    <div class="oogo-narrow">
      <PageTitle lead="Uw gegevens in OOGO Werkruimte. Uw rol en titel per tafel beheert de beheerder van die tafel.">
        Mijn account
      </PageTitle>
      <Loaded when={account} label="Uw account laden…">
        {(current) => (
          <>
            <DetailsSection account={current()} onSaved={(saved) => mutate(saved)} />
            <PreferencesSection />
            <PasswordSection />
            <SignOutSection />
          </>
        )}
      </Loaded>
    </div>
  );
}

function DetailsSection(props: { account: AccountView; onSaved: (a: AccountView) => void }) {
  const session = useSession();
  // The form starts from what was loaded; the fields are the user's own from then on.
  // eslint-disable-next-line solid/reactivity
  const [name, setName] = createSignal(props.account.name);
  // eslint-disable-next-line solid/reactivity
  const [functie, setFunctie] = createSignal(props.account.functie ?? "");
  const save = createAction(
    async () => {
      if (name().trim().length < 2) throw new InvalidInput({ name: "Vul uw naam in (minstens 2 tekens)." });
      const saved = await myAccountApi.update({ name: name().trim(), functie: functie().trim() });
      props.onSaved(saved);
      await session.refresh(); // the header shows the name
      return saved;
    },
    { announce: () => "Uw gegevens zijn opgeslagen." },
  );
  return (
    <section aria-labelledby="account-details" class="oogo-section">
      <h2 id="account-details" class="utrecht-heading-2">
        Naam en functie
      </h2>
      <p class="utrecht-paragraph">
        E-mailadres: <strong>{props.account.email}</strong>
      </p>
      <ActionForm action={save} errorTitle="Opslaan lukte niet">
        <TextBoxField
          id="account-name"
          label="Naam"
          required
          error={fieldError(save.error(), "name")}
          name="name"
          autocomplete="name"
          maxlength="120"
          value={name()}
          onInput={(e) => {
            setName(e.currentTarget.value);
            save.reset();
          }}
        />
        <TextBoxField
          id="account-functie"
          label="Functie"
          hint="Bijvoorbeeld: wethouder onderwijs en jeugd, beleidsmedewerker passend onderwijs."
          error={fieldError(save.error(), "functie")}
          name="functie"
          autocomplete="organization-title"
          maxlength="160"
          value={functie()}
          onInput={(e) => {
            setFunctie(e.currentTarget.value);
            save.reset();
          }}
        />
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action"
          disabled={save.busy()}
          aria-busy={save.busy()}
        >
          {save.busy() ? "Bezig met opslaan…" : "Gegevens opslaan"}
        </button>
        <Show when={save.result()}>
          <InfoAlert type="ok">
            <p class="utrecht-paragraph">Uw gegevens zijn opgeslagen.</p>
          </InfoAlert>
        </Show>
      </ActionForm>
    </section>
  );
}

function PasswordSection() {
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [repeat, setRepeat] = createSignal("");
  const change = createAction(
    async () => {
      const wrong: Record<string, string> = {};
      if (!current()) wrong.currentPassword = "Vul uw huidige wachtwoord in.";
      if (next().length < 8) wrong.newPassword = "Kies een nieuw wachtwoord van minstens 8 tekens.";
      else if (next() !== repeat()) wrong.repeatPassword = "De twee nieuwe wachtwoorden zijn niet gelijk.";
      if (Object.keys(wrong).length > 0) throw new InvalidInput(wrong);
      const result = await myAccountApi.changePassword({ currentPassword: current(), newPassword: next() });
      setCurrent("");
      setNext("");
      setRepeat("");
      return result;
    },
    { announce: () => "Uw wachtwoord is gewijzigd." },
  );
  const edited = (set: (v: string) => void) => (e: InputEvent & { currentTarget: HTMLInputElement }) => {
    set(e.currentTarget.value);
    change.reset();
  };
  return (
    <section aria-labelledby="account-password" class="oogo-section">
      <h2 id="account-password" class="utrecht-heading-2">
        Wachtwoord wijzigen
      </h2>
      <p class="utrecht-paragraph">Daarna bent u op andere apparaten uitgelogd; hier blijft u ingelogd.</p>
      <ActionForm action={change} errorTitle="Wachtwoord wijzigen lukte niet">
        <PasswordField
          id="pw-current"
          label="Huidig wachtwoord"
          required
          error={fieldError(change.error(), "currentPassword")}
          autocomplete="current-password"
          value={current()}
          onInput={edited(setCurrent)}
        />
        <PasswordField
          id="pw-next"
          label="Nieuw wachtwoord"
          hint="Minstens 8 tekens."
          required
          error={fieldError(change.error(), "newPassword")}
          autocomplete="new-password"
          value={next()}
          onInput={edited(setNext)}
        />
        <PasswordField
          id="pw-repeat"
          label="Herhaal het nieuwe wachtwoord"
          required
          error={fieldError(change.error(), "repeatPassword")}
          autocomplete="new-password"
          value={repeat()}
          onInput={edited(setRepeat)}
        />
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action"
          disabled={change.busy()}
          aria-busy={change.busy()}
        >
          {change.busy() ? "Bezig…" : "Wachtwoord wijzigen"}
        </button>
        <Show when={change.result()}>
          {(r) => (
            <InfoAlert type="ok">
              <p class="utrecht-paragraph">
                Uw wachtwoord is gewijzigd.
                {r().endedSessions > 0
                  ? ` U bent op ${r().endedSessions === 1 ? "één ander apparaat" : `${r().endedSessions} andere apparaten`} uitgelogd.`
                  : ""}
              </p>
            </InfoAlert>
          )}
        </Show>
      </ActionForm>
    </section>
  );
}

function SignOutSection() {
  const session = useSession();
  const navigate = useNavigate();
  const signOut = createAction(async () => {
    if (
      hasUnsavedLocalChanges() &&
      !confirm(
        "Niet al uw wijzigingen zijn al op de server opgeslagen. Als u nu uitlogt, gaan ze verloren. Toch uitloggen?",
      )
    )
      return;
    await myAccountApi.signOutEverywhere();
    void clearLocalCopies();
    await session.refresh();
    navigate("/inloggen", { replace: true });
  });
  return (
    <section aria-labelledby="account-signout" class="oogo-section">
      <h2 id="account-signout" class="utrecht-heading-2">
        Overal uitloggen
      </h2>
      <p class="utrecht-paragraph">
        Bent u ergens ingelogd gebleven, bijvoorbeeld op een computer van iemand anders? Dan logt u hiermee op alle
        apparaten uit, ook hier.
      </p>
      <Show when={signOut.error()}>
        <ErrorAlert error={signOut.error()} title="Uitloggen lukte niet" />
      </Show>
      <button
        type="button"
        class="utrecht-button utrecht-button--secondary-action"
        disabled={signOut.busy()}
        onClick={() => void signOut.run()}
      >
        Overal uitloggen
      </button>
    </section>
  );
}
