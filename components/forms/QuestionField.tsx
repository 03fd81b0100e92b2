import type { ReactNode } from 'react';
import type { Question } from '@/catalogue/forms/types';
import { province } from '@/catalogue/province';
import type { Locale } from '@/i18n/locales';
import { flatMessages } from '@/i18n/messages';
import { getT, type KeyIn } from '@/i18n/translate';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '@/lib/uploadLimits';
import { FileInput } from './FileInput';
import { FieldError } from './ErrorSummary';

export interface RenderedError {
  readonly field: string;
  readonly message: ReactNode;
}

interface Props {
  readonly locale: Locale;
  readonly question: Question;
  /** Values to show in the inputs: what was typed on a failed attempt, or the saved answer. */
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly RenderedError[];
  readonly currentFile?: { name: string; size: string; href: string } | undefined;
}

const inputClass = (invalid: boolean) =>
  `min-h-12 rounded border-2 px-3 text-lg ${invalid ? 'border-red-700' : 'border-slate-900'}`;

/**
 * One question, as the page's `<h1>`: the label (or the fieldset legend) is the heading, so a screen
 * reader user hears the question once. Each input carries `aria-describedby` for its hint and error,
 * `aria-invalid` when wrong, and the autocomplete token where the answer is the user's own.
 */
export function QuestionField({ locale, question, values, errors, currentFile }: Props) {
  const t = getT(locale, 'apply.questions');
  const ui = getT(locale, 'apply.question');
  const key = (field: string) => `${question.id}.${field}` as KeyIn<'apply.questions'>;
  const id = question.id;
  // Vietnamese is the source: a hint exists if it has one (shown as fallback where not yet translated).
  const hasHint = flatMessages('vi').has(`apply.questions.${question.id}.hint`);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const fieldErrors = errors.filter((e) => e.field === id || e.field.startsWith(`${id}-`));
  const invalid = (field: string) =>
    fieldErrors.some((e) => e.field === field) || (field === id && fieldErrors.length > 0);
  const describedBy =
    [hasHint ? hintId : null, fieldErrors.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  const heading = t(key('label'));
  const hint = hasHint ? (
    <p id={hintId} className="mt-1 text-slate-700">
      {t(key('hint'))}
    </p>
  ) : null;
  const errorLines = fieldErrors.length ? (
    <FieldError id={errorId}>
      {fieldErrors.map((e, i) => (
        <span key={e.field} className="block">
          {i > 0 ? ' ' : null}
          {e.message}
        </span>
      ))}
    </FieldError>
  ) : null;
  const wrap = (children: ReactNode) => (
    <div className={`mt-2 ${fieldErrors.length ? 'border-l-4 border-red-700 pl-3' : ''}`}>{children}</div>
  );

  if (question.kind === 'choice' || question.kind === 'date') {
    return (
      <fieldset aria-describedby={describedBy}>
        <legend>
          <h1 className="text-3xl">{heading}</h1>
        </legend>
        {hint}
        {wrap(
          <>
            {errorLines}
            {question.kind === 'choice' ? (
              <div className="mt-2 space-y-3">
                {question.options.map((option) => (
                  <div key={option} className="flex items-center gap-3">
                    <input
                      type="radio"
                      id={`${id}-${option}`}
                      name={id}
                      value={option}
                      defaultChecked={values[id] === option}
                      className="size-8 shrink-0 accent-brand"
                    />
                    <label htmlFor={`${id}-${option}`} className="py-1 text-lg">
                      {t(`${question.id}.options.${option}` as KeyIn<'apply.questions'>)}
                    </label>
                  </div>
                ))}
              </div>
            ) : (
              <div className="mt-2 flex flex-wrap gap-4">
                {(['day', 'month', 'year'] as const).map((part) => {
                  const field = `${id}-${part}`;
                  return (
                    <div key={part} className="flex flex-col">
                      <label htmlFor={field} className="text-lg">
                        {ui(part)}
                      </label>
                      <input
                        id={field}
                        name={field}
                        inputMode="numeric"
                        autoComplete={question.autocomplete ? `bday-${part}` : 'off'}
                        defaultValue={values[field] ?? ''}
                        maxLength={part === 'year' ? 4 : 2}
                        aria-invalid={invalid(field) || undefined}
                        className={`${inputClass(invalid(field))} ${part === 'year' ? 'w-24' : 'w-16'}`}
                      />
                    </div>
                  );
                })}
              </div>
            )}
          </>,
        )}
      </fieldset>
    );
  }

  const common = {
    id,
    name: id,
    'aria-describedby': describedBy,
    'aria-invalid': fieldErrors.length > 0 || undefined,
  };
  let control: ReactNode;
  switch (question.kind) {
    case 'commune':
      control = (
        <select
          {...common}
          defaultValue={values[id] ?? ''}
          className={`${inputClass(fieldErrors.length > 0)} w-full max-w-md`}
        >
          <option value="">{ui.text('selectCommune')}</option>
          {province.communes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      );
      break;
    case 'file':
      control = (
        <>
          {currentFile && (
            <p className="mb-2">
              {ui('fileCurrent', { name: currentFile.name, size: currentFile.size })}{' '}
              <a href={currentFile.href}>{ui('fileView')}</a>. {ui('fileReplace')}
            </p>
          )}
          <p className="mb-2 text-slate-700">
            {ui('fileHint', { max: MAX_UPLOAD_MB })} {ui('filePrivacy')}
          </p>
          <FileInput
            id={id}
            describedBy={describedBy}
            serverInvalid={fieldErrors.length > 0}
            maxBytes={MAX_UPLOAD_BYTES}
            tooBigMessage={getT(locale, 'apply.errors').text('file-too-big', {
              field: t.text(key('short')),
              max: MAX_UPLOAD_MB,
            })}
            // image/* lets Android offer the camera; the server checks the real type by decoding it.
            accept="image/jpeg,image/png,application/pdf,image/*"
            className="block w-full text-lg file:mr-3 file:min-h-12 file:rounded file:border-2 file:border-slate-900 file:bg-white file:px-3"
          />
        </>
      );
      break;
    case 'text':
      control = question.multiline ? (
        <textarea
          {...common}
          rows={5}
          maxLength={question.maxLength * 2}
          defaultValue={values[id] ?? ''}
          className={`${inputClass(fieldErrors.length > 0)} w-full py-2`}
        />
      ) : (
        <input
          {...common}
          type="text"
          defaultValue={values[id] ?? ''}
          className={`${inputClass(fieldErrors.length > 0)} w-full`}
        />
      );
      break;
    case 'phone':
      control = (
        <input
          {...common}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          defaultValue={values[id] ?? ''}
          className={`${inputClass(fieldErrors.length > 0)} w-full max-w-xs`}
        />
      );
      break;
    case 'citizen-id':
      control = (
        <input
          {...common}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values[id] ?? ''}
          className={`${inputClass(fieldErrors.length > 0)} w-full max-w-xs font-mono tracking-wider`}
        />
      );
      break;
    case 'number':
      control = (
        <input
          {...common}
          type="text"
          inputMode="numeric"
          defaultValue={values[id] ?? ''}
          className={`${inputClass(fieldErrors.length > 0)} w-24`}
        />
      );
      break;
    case 'name':
      control = (
        <input
          {...common}
          type="text"
          autoComplete={question.autocomplete ?? 'off'}
          spellCheck={false}
          defaultValue={values[id] ?? ''}
          className={`${inputClass(fieldErrors.length > 0)} w-full`}
        />
      );
      break;
  }

  return (
    <div>
      <h1 className="text-3xl">
        <label htmlFor={id}>{heading}</label>
      </h1>
      {hint}
      {wrap(
        <>
          {errorLines}
          {control}
        </>,
      )}
    </div>
  );
}
