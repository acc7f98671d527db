export * from './protocol';
export * from './schema/mesa';
export * from './schema/errors';
export * from './schema/participant';
