export * from './name-fold';
export * from './name-similarity';
export * from './national-id';
export * from './record';
export * from './score-pair';
export * from './merge-defaults';
export * from './auto-merge';
