/**
 * A well-formed digest for a fixture, distinct per seed character: `fixtureDigest("a")` starts with
 * `a`. Not one digit repeated, which `placeholder/value` reports as a template's placeholder
 * (docs/rules.md#placeholder-value); 40 for a commit, 32 for an MD5.
 */
export function fixtureDigest(seed: string, length = 64): string {
  return `${seed}0123456789abcdef`.repeat(Math.ceil(length / 17)).slice(0, length);
}
