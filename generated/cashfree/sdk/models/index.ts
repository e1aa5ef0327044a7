export * from './ErrorResponse.ts';
