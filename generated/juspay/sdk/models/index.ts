export * from './BadRequestError.ts';
export * from './DeletedCustomerAccount.ts';
export * from './ErrorInfo.ts';
export * from './InlineObject.ts';
export * from './NotFoundError.ts';
export * from './UnauthorizedError.ts';
