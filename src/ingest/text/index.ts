export { textReader, newsSign } from './text-reader.ts';
