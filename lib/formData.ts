/** A submitted text field; absent and non-string values (a file where text was expected) read as ''. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
