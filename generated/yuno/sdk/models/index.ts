export * from './InlineResponse400.ts';
