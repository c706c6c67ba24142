/**
 * The site's own CSS and JavaScript, from src/web/static/. The files are read once at start
 * and served by name from that fixed list, so no request path ever reaches the file system.
 * Each response carries a content hash as ETag; pages reference the files with `?v=<hash>`
 * so they can be cached for a long time and still change on upgrade.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { STATIC_DIR } from '../../web/assets.ts';

const MEDIA_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A year: the URL changes whenever the content does (?v=hash). */
const CACHE_CONTROL = 'public, max-age=31536000, immutable';

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(STATIC_DIR)) {
    const type = MEDIA_TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(STATIC_DIR, name));
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` });
  }
  return assets;
}

export async function staticRoutes(app: FastifyInstance): Promise<void> {
  const assets = loadAssets();
  app.get<{ Params: { file: string } }>(
    '/static/:file',
    {
      schema: {
        hide: true,
        params: { type: 'object', required: ['file'], properties: { file: { type: 'string', pattern: '^[a-z0-9-]+\\.(css|js|svg)$' } } },
      },
    },
    async (request, reply) => {
      const asset = assets.get(request.params.file);
      if (!asset) return reply.callNotFound();
      reply.header('cache-control', CACHE_CONTROL).header('etag', asset.etag).type(asset.type);
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      return reply.send(asset.body);
    },
  );
}
