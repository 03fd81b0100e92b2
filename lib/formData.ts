import { normaliseText } from '@/catalogue/forms/text';

/**
 * A submitted text field, normalised as everything typed into the portal is (NFC, invisible characters
 * removed, lone surrogates replaced: catalogue/forms/text.ts); absent and non-string values (a file where
 * text was expected) read as ''. Control characters are kept, for the validators to refuse with a message.
 */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? normaliseText(value) : '';
}
