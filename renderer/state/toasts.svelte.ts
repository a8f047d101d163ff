/** Quiet, short-lived messages at the bottom of the window ("Entry deleted — Undo"). */

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
  timeoutMs: number;
}

export interface ToastInput {
  message: string;
  action?: ToastAction;
  /** How long it stays; paused while the pointer or focus is on it. */
  timeoutMs?: number;
}

export class Toasts {
  items = $state<Toast[]>([]);
  #nextId = 1;

  show(input: ToastInput): number {
    const id = this.#nextId++;
    const toast: Toast = { id, message: input.message, timeoutMs: input.timeoutMs ?? 5000 };
    if (input.action) toast.action = input.action;
    // One message at a time keeps it calm; the newest replaces older ones.
    this.items = [toast];
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }

  clear(): void {
    this.items = [];
  }
}
