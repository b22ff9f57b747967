// Types of build-stamp.mjs, for the tests that import it.
export declare const STAMP_FILE: string;
export type BuildState = 'fresh' | 'missing' | 'stale' | 'installed';
export declare function buildState(root: string): BuildState;
