/**
 * A license expression read for what it permits, not for its form (`license/spdx` checks the
 * form). Lenient where spdx-expression-parse is strict: ids and operators in any case (Hugging Face
 * ids are lower case, `apache-2.0`), `+` and `WITH <exception>` kept out of the id, since neither
 * changes whether a license is permissive or restricting.
 */
export type LicenseExpression =
  { readonly id: string } | { readonly operator: "and" | "or"; readonly left: LicenseExpression; readonly right: LicenseExpression };

/** Longer or deeper expressions than these are no license anyone writes; they are left to `license/spdx`. */
const MAX_TOKENS = 512;
const MAX_DEPTH = 32;

/** The expression, or undefined when it does not parse (`license/spdx` reports it). */
export function parseLicenseExpression(text: string): LicenseExpression | undefined {
  const tokens = text.match(/[()]|[^\s()]+/g) ?? [];
  if (tokens.length > MAX_TOKENS) return undefined;
  let position = 0;
  const peekOperator = () => tokens[position]?.toLowerCase();

  const disjunction = (depth: number): LicenseExpression | undefined => {
    let left = conjunction(depth);
    while (left && peekOperator() === "or") {
      position++;
      const right = conjunction(depth);
      left = right && { operator: "or", left, right };
    }
    return left;
  };
  const conjunction = (depth: number): LicenseExpression | undefined => {
    let left = atom(depth);
    while (left && peekOperator() === "and") {
      position++;
      const right = atom(depth);
      left = right && { operator: "and", left, right };
    }
    return left;
  };
  const atom = (depth: number): LicenseExpression | undefined => {
    const token = tokens[position++];
    if (token === undefined || token === ")" || depth > MAX_DEPTH) return undefined;
    if (token === "(") {
      const inner = disjunction(depth + 1);
      return tokens[position++] === ")" ? inner : undefined;
    }
    if (["and", "or", "with"].includes(token.toLowerCase())) return undefined;
    if (peekOperator() === "with") {
      position++;
      const exception = tokens[position++];
      if (exception === undefined || exception === "(" || exception === ")") return undefined;
    }
    return { id: token.replace(/\+$/, "") };
  };

  const expression = disjunction(0);
  return expression && position === tokens.length ? expression : undefined;
}

/** True when some alternative (OR branch) of the expression consists only of licenses that pass. */
export function someAlternativeAll(expression: LicenseExpression, passes: (id: string) => boolean): boolean {
  if ("id" in expression) return passes(expression.id);
  const left = someAlternativeAll(expression.left, passes);
  const right = someAlternativeAll(expression.right, passes);
  return expression.operator === "or" ? left || right : left && right;
}

/** True when every alternative (OR branch) of the expression contains a license that matches. */
export function everyAlternativeHas(expression: LicenseExpression, matches: (id: string) => boolean): boolean {
  return !someAlternativeAll(expression, (id) => !matches(id));
}

/** Every license id in the expression, in order. */
export function licenseIds(expression: LicenseExpression): string[] {
  return "id" in expression ? [expression.id] : [...licenseIds(expression.left), ...licenseIds(expression.right)];
}
