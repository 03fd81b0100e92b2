'use client';

import { useEffect, useRef, useState } from 'react';

interface Props {
  readonly id: string;
  readonly describedBy: string | undefined;
  /** The server found an error in the last attempt (shown above by QuestionField). */
  readonly serverInvalid: boolean;
  readonly maxBytes: number;
  /** The translated "smaller than 5 MB, and how" message, as the server would give it. */
  readonly tooBigMessage: string;
  readonly accept: string;
  readonly className: string;
}

/**
 * The file input, with the size checked in the browser before a byte is sent: over 3G a 10 MB photo takes
 * minutes to upload only to be refused. The error is shown the server's way (next to the field, in the
 * input's description, aria-invalid) and focus moves to the input, so a screen reader reads the label and
 * then the error. Without JavaScript this is a plain file input and the server says the same (lib/uploads.ts).
 * The skip button still submits: it sends no file the server would read.
 */
export function FileInput({
  id,
  describedBy,
  serverInvalid,
  maxBytes,
  tooBigMessage,
  accept,
  className,
}: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [tooBig, setTooBig] = useState(false);
  const errorId = `${id}-size-error`;
  const selectedTooBig = () => (input.current?.files?.[0]?.size ?? 0) > maxBytes;

  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    // A native listener on the form runs before React's own (delegated to the root), which then sees the
    // event's defaultPrevented and does not call the Server Action.
    const onSubmit = (event: SubmitEvent) => {
      const skipping = event.submitter?.getAttribute('name') === 'skip';
      if (skipping || !selectedTooBig()) return;
      event.preventDefault();
      setTooBig(true);
      input.current?.focus();
    };
    form.addEventListener('submit', onSubmit);
    return () => form.removeEventListener('submit', onSubmit);
  });

  return (
    <>
      {tooBig && (
        <p id={errorId} className="mb-2 font-bold text-red-800">
          {tooBigMessage}
        </p>
      )}
      <input
        ref={input}
        id={id}
        name={id}
        type="file"
        accept={accept}
        aria-describedby={[tooBig ? errorId : null, describedBy].filter(Boolean).join(' ') || undefined}
        aria-invalid={serverInvalid || tooBig || undefined}
        onChange={() => setTooBig(selectedTooBig())}
        className={`${className} ${tooBig ? 'border-l-4 border-red-700 pl-3' : ''}`}
      />
    </>
  );
}
