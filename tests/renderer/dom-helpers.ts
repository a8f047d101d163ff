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

/** The fieldset whose legend reads `legend` (the date and time fields are fieldsets of selects). */
export function byLegend(root: ParentNode, legend: string): HTMLFieldSetElement {
  const found = [...root.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.trim() === legend);
  if (!found) throw new Error(`No fieldset with the legend "${legend}"`);
  return found;
}

function part(field: HTMLFieldSetElement, label: string): HTMLSelectElement {
  const select = field.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`);
  if (!select) throw new Error(`No "${label}" in this field`);
  return select;
}

function changeTo(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

/** Chooses a date ("2026-11-22") in a DateField, year first so the day always exists. */
export function chooseDate(root: ParentNode, legend: string, date: string): void {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  changeTo(byLegend(root, legend).querySelector<HTMLInputElement>('input[aria-label="Year"]')!, String(y));
  selectOption(part(byLegend(root, legend), 'Month'), String(m));
  selectOption(part(byLegend(root, legend), 'Day'), String(d));
}

/** Chooses a time ("20:00") in a TimeField showing a 24-hour clock. */
export function chooseTime(root: ParentNode, legend: string, time: string): void {
  const [h, m] = time.split(':').map(Number) as [number, number];
  selectOption(part(byLegend(root, legend), 'Hour'), String(h));
  selectOption(part(byLegend(root, legend), 'Minutes'), String(m));
}
