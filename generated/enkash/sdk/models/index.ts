export * from './ErrorApiResponse.ts';
export * from './ErrorApiResponseAllOf.ts';
export * from './ErrorResponse.ts';
export * from './ErrorResponseOnError.ts';
export * from './ModelApiResponse.ts';
