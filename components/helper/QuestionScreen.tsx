'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import type { AnswerValue, Answers, Question } from '@/catalogue/forms/types';
import { fieldNames, validateAnswer, type FieldError } from '@/catalogue/forms/validate';

/**
 * One question of the helper app (docs/adr/0029) as a screen of its own, with the online form's
 * validators and messages; a photo is made smaller on the device before it is kept.
 */

/** A photo made smaller on the device before it is kept: at most 1600 px a side, JPEG at 80 %. */
async function shrinkPhoto(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('not encoded'))), 'image/jpeg', 0.8),
  );
}

export function answerText(
  question: Question,
  value: AnswerValue | undefined,
  say: (key: string) => string,
  communes: readonly { id: string; name: string }[],
): string {
  if (value === undefined || value === '') return '—';
  if (typeof value === 'object' && 'fileId' in value)
    return say('helperApp.ui.photoTaken').replace('{size}', String(Math.round(value.size / 1024)));
  if (typeof value === 'object' && 'day' in value)
    return [value.day, value.month, value.year].filter(Boolean).join('/');
  if (typeof value !== 'string') return '—';
  if (question.kind === 'choice') return say(`q.${question.id}.options.${value}`);
  if (question.kind === 'commune') return communes.find((c) => c.id === value)?.name ?? value;
  return value;
}

export function QuestionScreen(props: {
  question: Question;
  answers: Record<string, AnswerValue>;
  communes: readonly { id: string; name: string }[];
  say: (key: string, values?: Record<string, string | number>) => string;
  sayNode: (k: string) => ReactNode;
  error: { field: string; message: string } | null;
  field: (id: string, label: ReactNode, input: ReactNode, hint?: ReactNode) => ReactNode;
  described: (id: string, hint: boolean) => string | undefined;
  inputClass: string;
  button: string;
  step: number;
  total: number;
  onBack: () => void;
  onAnswer: (value: AnswerValue | undefined, photo?: Blob) => void;
  onError: (problem: { field: string; message: string }) => void;
}) {
  const { question, answers, say, sayNode, error } = props;
  const heading = useRef<HTMLParagraphElement>(null);
  // Each question is a screen of its own (the component is keyed by the question): focus starts at its top.
  useEffect(() => heading.current?.focus(), []);
  const id = question.id;
  const stored = answers[id];
  const hasHint = say(`q.${id}.hint`) !== `q.${id}.hint`;
  const label = sayNode(`q.${id}.label`);
  const hint = hasHint ? sayNode(`q.${id}.hint`) : undefined;

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (question.kind === 'file') {
      const chosen = form.get(id);
      const fail = (key: string) =>
        props.onError({ field: id, message: say(`apply.errors.${key}`, { field: say(`q.${id}.short`) }) });
      if (!(chosen instanceof File) || chosen.size === 0) {
        // Already taken on an earlier pass, or optional: go on; otherwise it is asked for.
        if (answers[id] || question.optional) props.onAnswer(answers[id]);
        else fail('required-file');
        return;
      }
      void shrinkPhoto(chosen).then(
        (photo) => props.onAnswer({ fileId: 'on-device', name: chosen.name, size: photo.size }, photo),
        () => fail('file-unreadable'),
      );
      return;
    }
    const read = (name: string) => String(form.get(name) ?? '');
    const result = validateAnswer(question, read, {
      answers: answers as Answers,
      communeIds: props.communes.map((c) => c.id),
      now: new Date(),
    });
    if (!result.ok) {
      const first: FieldError = result.errors[0]!;
      props.onError({
        field: first.field,
        message: say(`apply.errors.${first.key}`, { field: say(`q.${id}.short`), ...(first.values ?? {}) }),
      });
      return;
    }
    props.onAnswer(result.value === '' ? undefined : result.value);
  };

  let input: ReactNode;
  switch (question.kind) {
    case 'choice':
      input = (
        <fieldset
          className={`mt-4 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <legend className="text-lg font-bold">{label}</legend>
          {hint && <p className="text-slate-700">{hint}</p>}
          {error && (
            <p id={`${id}-error`} className="font-bold text-red-800">
              {error.message}
            </p>
          )}
          {question.options.map((option) => (
            <p key={option} className="mt-2 flex items-center gap-3">
              <input
                type="radio"
                id={`${id}-${option}`}
                name={id}
                value={option}
                defaultChecked={stored === option}
                className="h-7 w-7"
              />
              <label htmlFor={`${id}-${option}`} className="text-lg">
                {sayNode(`q.${id}.options.${option}`)}
              </label>
            </p>
          ))}
        </fieldset>
      );
      break;
    case 'date': {
      const value = typeof stored === 'object' && 'day' in stored ? stored : { day: '', month: '', year: '' };
      input = (
        <fieldset
          className={`mt-4 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}
          aria-describedby={error ? `${error.field}-error` : undefined}
        >
          <legend className="text-lg font-bold">{label}</legend>
          {hint && <p className="text-slate-700">{hint}</p>}
          {error && (
            <p id={`${error.field}-error`} className="font-bold text-red-800">
              {error.message}
            </p>
          )}
          <div className="mt-2 flex gap-4">
            {fieldNames(question).map((name, i) => {
              const part = (['day', 'month', 'year'] as const)[i]!;
              return (
                <div key={name}>
                  <label htmlFor={name} className="block">
                    {sayNode(`helperApp.ui.${part}`)}
                  </label>
                  <input
                    id={name}
                    name={name}
                    inputMode="numeric"
                    defaultValue={value[part]}
                    maxLength={part === 'year' ? 4 : 2}
                    aria-invalid={error?.field === name || undefined}
                    className={`mt-1 min-h-12 rounded border-2 border-slate-900 px-2 text-xl ${part === 'year' ? 'w-24' : 'w-16'}`}
                  />
                </div>
              );
            })}
          </div>
        </fieldset>
      );
      break;
    }
    case 'commune':
      input = props.field(
        id,
        label,
        <select
          id={id}
          name={id}
          defaultValue={typeof stored === 'string' ? stored : ''}
          className={props.inputClass}
          aria-describedby={props.described(id, !!hint)}
        >
          <option value="">{say('helperApp.ui.selectCommune')}</option>
          {props.communes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>,
        hint,
      );
      break;
    case 'file':
      input = props.field(
        id,
        label,
        <input
          id={id}
          name={id}
          type="file"
          accept="image/jpeg,image/png"
          capture="environment"
          className="mt-2 block text-lg"
          aria-describedby={props.described(id, true)}
          aria-invalid={error?.field === id || undefined}
        />,
        <>
          {hint} {sayNode('helperApp.ui.photoHint')}
          {stored && typeof stored === 'object' && 'fileId' in stored && (
            <span className="block font-bold">
              {say('helperApp.ui.photoTaken', { size: Math.round(stored.size / 1024) })}
            </span>
          )}
        </>,
      );
      break;
    default:
      input = props.field(
        id,
        label,
        <input
          id={id}
          name={id}
          defaultValue={typeof stored === 'string' ? stored : ''}
          inputMode={
            question.kind === 'phone' || question.kind === 'citizen-id' || question.kind === 'number'
              ? 'numeric'
              : undefined
          }
          className={props.inputClass}
          aria-describedby={props.described(id, !!hint)}
          aria-invalid={error?.field === id || undefined}
        />,
        hint,
      );
  }

  return (
    <form className="mt-6" onSubmit={submit} noValidate>
      <p ref={heading} tabIndex={-1} className="text-slate-700">
        {props.step + 1} / {props.total}
      </p>
      {input}
      <p className="mt-6 flex flex-wrap gap-4">
        <button data-action="continue" type="submit" className={`${props.button} bg-green-800 text-white`}>
          {sayNode('helperApp.ui.continue')}
        </button>
        <button type="button" className={`${props.button} border-2 border-slate-900`} onClick={props.onBack}>
          {sayNode('helperApp.ui.back')}
        </button>
      </p>
    </form>
  );
}
