/** Documentation enforced by tests: every error code and CLI command is in the docs. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildProgram } from '../src/cli/main.ts';
import { ERRORS } from '../src/errors.ts';
import { REPO_ROOT } from './helpers/shared.ts';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

test('every error code is documented in docs/errors.md', () => {
  const doc = read('docs/errors.md');
  const missing = Object.keys(ERRORS).filter((code) => !doc.includes(`\`${code}\``));
  assert.deepEqual(missing, []);
});

test('every CLI command is documented in the README', () => {
  const readme = read('README.md');
  const names = buildProgram().commands.flatMap((command) =>
    command.commands.length > 0 ? command.commands.map((sub) => `${command.name()} ${sub.name()}`) : [command.name()],
  );
  const missing = names.filter((name) => !readme.includes(`verbatim ${name}`));
  assert.deepEqual(missing, []);
});

test('the README starts with the two commands that work on a fresh machine', () => {
  const firstLines = read('README.md').split('\n').slice(0, 12).join('\n');
  assert.match(firstLines, /npm ci && npm start/);
  assert.match(firstLines, /npm ci && npm test/);
});
