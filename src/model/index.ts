export * from './document.ts';
export * from './person.ts';
export * from './article.ts';
