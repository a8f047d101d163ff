import { flushSync } from 'svelte';

/** Finds a form control by the text of its <label> (like getByLabel), or fails loudly. */
export function byLabel(root: ParentNode, text: string | RegExp): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  for (const label of root.querySelectorAll('label')) {
    const content = label.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (typeof text === 'string' ? content === text : text.test(content)) {
      const id = label.getAttribute('for');
      const control = id ? (root as Document | Element).querySelector(`#${CSS.escape(id)}`) : label.querySelector('input,textarea,select');
      if (control) return control as HTMLInputElement;
    }
  }
  throw new Error(`No control labelled ${String(text)}`);
}

/** Finds a button by its visible or aria-label text. */
export function byButton(root: ParentNode, text: string | RegExp): HTMLButtonElement {
  for (const button of root.querySelectorAll('button')) {
    const name = (button.getAttribute('aria-label') ?? button.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (typeof text === 'string' ? name === text : text.test(name)) return button;
  }
  throw new Error(`No button named ${String(text)}`);
}

export function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

export function click(el: HTMLElement): void {
  el.click();
  flushSync();
}

/** Sets a radio button or checkbox as a person's click would leave it, and tells the page. */
export function check(input: HTMLInputElement, on = true): void {
  input.checked = on;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

export function selectOption(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

export function pressEscape(): void {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
  flushSync();
}

/** Lets pending promises and Svelte updates settle. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    flushSync();
  }
}
