/** `/` and `/.json`: the front page. */
import type { FastifyInstance } from 'fastify';
import { renderHomePage } from '../../web/pages/home.ts';
import type { RoomOptions } from '../context.ts';
import { HOME_PAGE } from '../schemas/pages.ts';
import { homeData } from '../views/home.ts';
import { twinPage } from './twin.ts';

export async function homePage(app: FastifyInstance, { room }: RoomOptions): Promise<void> {
  twinPage(app, {
    url: '/',
    summary: 'Front page: archive counts, collections, documents by year',
    data: HOME_PAGE,
    load: () => homeData(room.store),
    render: renderHomePage,
  });
}
