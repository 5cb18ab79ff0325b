import { render } from "solid-js/web";
import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import "@utrecht/design-tokens/dist/index.css";
import "@utrecht/component-library-css/dist/index.css";
import "./styles/app.css";
import { SessionProvider } from "./app/session.tsx";
import { AppShell } from "./app/AppShell.tsx";
import { WorkspaceLayout } from "./features/workspace/WorkspaceLayout.tsx";

// Pages are split per route so the editor (Tiptap, Yjs) loads only where it is used.
const LoginPage = lazy(() => import("./routes/LoginPage.tsx"));
const InvitationPage = lazy(() => import("./routes/InvitationPage.tsx"));
const PasswordLinkPage = lazy(() => import("./routes/PasswordLinkPage.tsx"));
const PasswordResetPage = lazy(() => import("./routes/PasswordResetPage.tsx"));
const AccountPage = lazy(() => import("./routes/AccountPage.tsx"));
const BeheerPage = lazy(() => import("./features/beheer/BeheerPage.tsx"));
const NewTafelWizard = lazy(() => import("./features/beheer/NewTafelWizard.tsx"));
const TafelSettingsPage = lazy(() => import("./features/tafel/TafelSettingsPage.tsx"));
const WorkspaceListPage = lazy(() => import("./routes/WorkspaceListPage.tsx"));
const NotFoundPage = lazy(() => import("./routes/NotFoundPage.tsx"));
const WorkspaceOverviewPage = lazy(() => import("./features/workspace/WorkspaceOverviewPage.tsx"));
const MembersPage = lazy(() => import("./features/members/MembersPage.tsx"));
const OutboxPage = lazy(() => import("./features/outbox/OutboxPage.tsx"));
const SpiegelparagraafPage = lazy(() => import("./features/spiegelparagraaf/SpiegelparagraafPage.tsx"));
const VersionsPage = lazy(() => import("./features/versions/VersionsPage.tsx"));
const AgreementBoardPage = lazy(() => import("./features/points/AgreementBoardPage.tsx"));
const PointPage = lazy(() => import("./features/points/PointPage.tsx"));
const ToSignPage = lazy(() => import("./features/points/ToSignPage.tsx"));
const MeetingsPage = lazy(() => import("./features/meetings/MeetingsPage.tsx"));
const MeetingPage = lazy(() => import("./features/meetings/MeetingPage.tsx"));
const ProcedurePage = lazy(() => import("./features/meetings/ProcedurePage.tsx"));
const DossierPage = lazy(() => import("./features/meetings/DossierPage.tsx"));
const PlanPage = lazy(() => import("./features/plan/PlanPage.tsx"));
// notifications (issue 13)
const InboxPage = lazy(() => import("./features/notifications/InboxPage.tsx"));
const UnsubscribePage = lazy(() => import("./features/notifications/UnsubscribePage.tsx"));
const BespreekpuntenPage = lazy(() => import("./features/bespreekpunten/BespreekpuntenPage.tsx"));

render(
  () => (
    <SessionProvider>
      <Router root={AppShell}>
        <Route path="/inloggen" component={LoginPage} />
        <Route path="/uitnodiging" component={InvitationPage} />
        <Route path="/wachtwoord" component={PasswordLinkPage} />
        <Route path="/wachtwoord-vergeten" component={PasswordResetPage} />
        <Route path="/account" component={AccountPage} />
        <Route path="/meldingen" component={InboxPage} />
        <Route path="/afmelden" component={UnsubscribePage} />
        <Route path="/beheer" component={BeheerPage} />
        <Route path="/beheer/nieuwe-tafel" component={NewTafelWizard} />
        <Route path="/" component={WorkspaceListPage} />
        <Route path="/tafels/:id" component={WorkspaceLayout}>
          <Route path="/" component={WorkspaceOverviewPage} />
          <Route path="/spiegelparagraaf" component={SpiegelparagraafPage} />
          <Route path="/spiegelparagraaf/versies" component={VersionsPage} />
          <Route path="/plan" component={PlanPage} />
          <Route path="/overeenstemming" component={AgreementBoardPage} />
          <Route path="/punten/:pointId" component={PointPage} />
          <Route path="/te-ondertekenen" component={ToSignPage} />
          <Route path="/vergaderingen" component={MeetingsPage} />
          <Route path="/vergaderingen/:meetingId" component={MeetingPage} />
          <Route path="/procedure" component={ProcedurePage} />
          <Route path="/dossier" component={DossierPage} />
          <Route path="/deelnemers" component={MembersPage} />
          <Route path="/uitgaande-email" component={OutboxPage} />
          <Route path="/instellen" component={TafelSettingsPage} />
          <Route path="/bespreekpunten" component={BespreekpuntenPage} />
        </Route>
        <Route path="*" component={NotFoundPage} />
      </Router>
    </SessionProvider>
  ),
  document.getElementById("app")!,
);
