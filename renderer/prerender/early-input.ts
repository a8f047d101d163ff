/**
 * Between the lock screen painted from HTML and the code taking it over (a moment on a cold
 * start), the screen looks ready but can't answer. What the person does in that moment is kept:
 * Enter in the passphrase field or a click on a button is done again once the code is there, and
 * focus stays where they moved it (taking over runs the field's own focus-on-arrival).
 * Typed characters need nothing: the code takes over the same field, value and all.
 */
export function keepEarlyInput(screen: HTMLElement): { takeOver(run: () => Promise<void>): Promise<void> } {
  let replay: { element: HTMLElement; action: () => void } | null = null;
  const onSubmit = (event: SubmitEvent) => {
    // Without this the browser would try to send the form natively (which the CSP's form-action refuses).
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const submitter = event.submitter;
    replay = { element: form, action: () => form.requestSubmit(submitter) };
  };
  const onClick = (event: MouseEvent) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    // A submit button's click arrives as the form's submit event, kept above.
    if (!button || button.type === 'submit') return;
    replay = { element: button, action: () => button.click() };
  };
  screen.addEventListener('submit', onSubmit, true);
  screen.addEventListener('click', onClick, true);

  return {
    async takeOver(run) {
      screen.removeEventListener('submit', onSubmit, true);
      screen.removeEventListener('click', onClick, true);
      const focused = document.activeElement;
      await run();
      if (focused instanceof HTMLElement && focused !== document.body && focused.isConnected && document.activeElement !== focused) focused.focus();
      // Only on the screen it was meant for: if the code drew another one, the press is dropped.
      if (replay?.element.isConnected) replay.action();
    },
  };
}
