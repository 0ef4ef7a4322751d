// Public surface of the test fixtures package: tree builders, the seed scenario and the oracles.
export * from './go-oracle/index.js';
