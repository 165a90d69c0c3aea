export * from './money-words';
export * from './format';
export * from './numbering';
export * from './template';
export * from './default-templates';
