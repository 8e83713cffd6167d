/**
 * The version of Stocklab (package.json's), which every export names beside the scenario, seed and
 * replications: the same inputs on another version may give other numbers. Only this field of
 * package.json goes into the bundle.
 */
export { version as STOCKLAB_VERSION } from '../package.json';
