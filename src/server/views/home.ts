/** The front page's data: the archive's counts, collections and years. */
import type { Store } from '../../store/index.ts';
import type { HomePageData } from '../../web/pages/home.ts';

export async function homeData(store: Store): Promise<HomePageData> {
  return { stats: await store.stats() };
}
