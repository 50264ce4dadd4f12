/**
 * Why a bundle was not written, or a bundle could not be read at all: the message names the file,
 * and `exitCode` is the CLI's (1: a file does not hold what is declared, or is missing; 2: a usage
 * problem, such as an output that exists already or a key that cannot be used).
 */
export class BundleError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}
