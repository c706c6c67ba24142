/** The engines `verbatim serve` runs with: Verbatim's own search and trace over the store. */
import type { Store } from '../store/store.ts';
import { trace } from '../trace/index.ts';
import type { Engines } from './engines.ts';

export function defaultEngines(store: Store): Engines {
  return {
    search: (request) => store.search(request),
    trace: (input) => trace(store, input),
  };
}
