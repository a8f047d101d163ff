import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName } from './contract/index.ts';
import { isEventName } from './contract/names.ts';
import { createApi, type Transport } from './create-api.ts';
import { EVENT_CHANNEL, methodChannel } from './channels.ts';

// One ipcRenderer listener fans events out to the renderer's subscribers,
// so the renderer never touches ipcRenderer or the raw event object.
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const ipcTransport: Transport = {
  invoke: (method, input) => ipcRenderer.invoke(methodChannel(method), input),
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
};

contextBridge.exposeInMainWorld('saltwater', createApi(ipcTransport));
