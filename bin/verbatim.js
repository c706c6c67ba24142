#!/usr/bin/env node
// Runs the TypeScript sources through tsx so `npx verbatim` works straight after `npm ci`,
// offline and without a separate build output that could drift from src/.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`verbatim export | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
