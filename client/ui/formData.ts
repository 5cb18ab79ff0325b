/**
 * The text a form field submitted; "" when it is missing. FormData values are strings or files,
 * and a file (which none of our forms has) must not turn into "[object File]".
 */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
