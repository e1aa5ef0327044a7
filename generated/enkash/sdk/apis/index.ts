export * from './CustomerApisApi.ts';
