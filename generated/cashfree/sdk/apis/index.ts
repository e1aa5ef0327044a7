export * from './DefaultApi.ts';
