import { PageTitle } from "../../ui/PageTitle.tsx";

// PLACEHOLDER: replaced by the feature's own page.
export default function ToSignPage() {
  return <PageTitle>ToSignPage</PageTitle>;
}
