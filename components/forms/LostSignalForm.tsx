'use client';

import { useRef, useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { isLostConnection } from '@/lib/lostConnection';

interface Props {
  readonly action: (form: FormData) => Promise<void>;
  /** "No connection, your answer is kept here, try again", translated on the server (ActionForm). */
  readonly lostMessage: ReactNode;
  readonly className?: string | undefined;
  readonly children: ReactNode;
}

/**
 * A form posting to a Server Action that survives a dropped signal (docs/adr/0024). Without JavaScript it
 * is the plain `<form action>` the server rendered (multipart POST, redirect) and this code never runs.
 * With JavaScript React would call the action itself, and when the request gets no answer its rejection
 * reaches the error boundary ("system error") and the typed answer is gone. So the submit is taken here
 * instead: React skips its own call when the event's default is prevented, and, unlike its own call, this
 * one never resets the form, so every typed value, chosen option and chosen file is still there when the
 * request fails. A lost connection then shows the message below the button and nothing else happens;
 * anything else (a redirect, a server error, an action this build lacks) is thrown on to the boundaries
 * exactly as before. Nothing is ever sent again by this code: trying again is the person's own tap.
 */
export function LostSignalForm({ action, lostMessage, className, children }: Props) {
  const [, startTransition] = useTransition();
  // Set while a request is on its way, so that a second tap on a slow line sends nothing.
  const sending = useRef(false);
  const [lost, setLost] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    // FileInput's size check runs first (a native listener on the form) and may have stopped this submit.
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (sending.current) return;
    sending.current = true;
    // The skip button's name and value travel with the answer, as they do without JavaScript.
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    // A message from an earlier try would be stale beside the server's next answer. Removed here, it comes
    // back as a new alert node if this try fails too, which screen readers announce again (an alert left in
    // place with the same words says nothing the second time).
    setLost(false);
    startTransition(async () => {
      try {
        await action(form);
      } catch (error) {
        if (!isLostConnection(error)) throw error;
        setLost(true);
      } finally {
        sending.current = false;
      }
    });
  };

  return (
    <form action={action} onSubmit={submit} className={className}>
      {children}
      {/* role="alert", and focus left on the button: nothing needs correcting, the next step is to press it
          again (the error summary, which does take focus, is for answers to correct; docs/adr/0021). */}
      {lost && (
        <p role="alert" className="mt-4 border-l-4 border-red-700 py-2 pl-3 text-lg font-bold">
          {lostMessage}
        </p>
      )}
    </form>
  );
}
