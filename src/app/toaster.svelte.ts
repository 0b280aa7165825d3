import { getContext, setContext } from 'svelte';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

const KEY = Symbol('toaster');
const TOAST_MS = 10_000;

/** Short messages at the bottom of the screen, some with an action (Undo). */
export class Toaster {
  toasts = $state<Toast[]>([]);
  #next = 1;

  show(message: string, action?: Toast['action'], ms = TOAST_MS): number {
    const id = this.#next++;
    this.toasts.push(action ? { id, message, action } : { id, message });
    setTimeout(() => this.dismiss(id), ms);
    return id;
  }

  /** Shows what went wrong when a change failed (an error message), nothing when it worked
   *  (null). Bound, so screens can hand it on. */
  readonly report = (error: string | null): void => {
    if (error) this.show(error);
  };

  dismiss(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  provide(): this {
    setContext(KEY, this);
    return this;
  }
}

export const useToaster = (): Toaster => getContext<Toaster>(KEY);
