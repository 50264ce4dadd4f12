// Types of scripts/generate-validators.mjs, for the TypeScript tests and scripts that import it.
export const OUTPUT: string;
export const VALIDATORS: Record<string, string>;
export function generateValidators(): string;
export function writeValidators(out?: string): boolean;
export function isStale(out?: string): boolean;
