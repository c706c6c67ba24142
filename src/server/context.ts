/** What every route plugin is registered with: the archive, the engines and the limits. */
import type { Store } from '../store/store.ts';
import type { Engines } from './engines.ts';

export interface TraceRateLimit {
  /** Traces allowed from one address per window. */
  max: number;
  /** The window, in milliseconds. */
  windowMs: number;
}

export interface Room {
  store: Store;
  engines: Engines;
  /** Largest request body accepted, in bytes (article uploads are the only large bodies). */
  bodyLimit: number;
  traceRateLimit: TraceRateLimit;
}

export interface RoomOptions {
  room: Room;
}
