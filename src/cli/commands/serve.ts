/**
 * `verbatim serve`: the web UI and the HTTP API on one port, over the archive. Runs until
 * interrupted; SIGINT/SIGTERM close the server and the archive cleanly.
 */
import type { Command } from 'commander';
import { VerbatimError } from '../../errors.ts';
import { buildServer, defaultEngines } from '../../server/index.ts';
import { archiveLocation, openStore } from '../../store/index.ts';
import { globalOptions } from '../context.ts';

export const DEFAULT_PORT = 8080;
/** Loopback by default: exposing an archive to the network is a decision, made with --host. */
export const DEFAULT_HOST = '127.0.0.1';

function portOf(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new VerbatimError('VBT_ERR_BAD_ARGUMENT', [`--port: ${value} is not a port number (0–65535)`]);
  }
  return port;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web UI and the HTTP API (default port $PORT or 8080, host 127.0.0.1)')
    .option('--port <port>', 'port to listen on (default: $PORT or 8080)')
    .option('--host <host>', `address to listen on (default: ${DEFAULT_HOST}; 0.0.0.0 for every interface)`)
    .action(async (options: { port?: string; host?: string }, command: Command) => {
      const store = openStore(archiveLocation(globalOptions(command).db));
      const app = await buildServer({ store, engines: defaultEngines(store), logger: true });
      const port = portOf(options.port ?? process.env.PORT ?? String(DEFAULT_PORT));
      const address = await app.listen({ port, host: options.host ?? DEFAULT_HOST });
      process.stderr.write(`verbatim: serving ${store.location} at ${address}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.close();
      await store.close();
    });
}
