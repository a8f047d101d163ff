import { Notification, type BrowserWindow } from 'electron';
import type { EventName, EventPayload } from '../../../preload/contract/index.ts';
import type { Reminder } from '../../core/scheduler/scheduler.ts';
import { showWindow } from '../window.ts';

/**
 * OS notifications for reminders. Only the words the scheduler chose (never journal text; never
 * the practice's name when the schedule is private). A click brings the window forward and opens
 * the practice's start screen (behind the lock screen if the vault is locked).
 */
export function createReminderNotifier(
  mainWindow: () => BrowserWindow | null,
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void,
) {
  // Held until answered: a notification that is garbage-collected loses its click handler.
  const shown = new Set<Notification>();
  return (reminder: Reminder): void => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: reminder.title, body: reminder.body, silent: false });
    shown.add(notification);
    const forget = () => shown.delete(notification);
    notification.on('close', forget);
    notification.on('failed', forget);
    notification.on('click', () => {
      forget();
      showWindow(mainWindow());
      emit('reminder.open', reminder.target);
    });
    notification.show();
  };
}
