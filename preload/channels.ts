/** IPC channel names shared by preload and main. One channel per contract method. */
export const methodChannel = (method: string): string => `saltwater:${method}`;
export const EVENT_CHANNEL = 'saltwater:event';
