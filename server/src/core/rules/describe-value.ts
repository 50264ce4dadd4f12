/** How a value that has the wrong type reads in a message: "a number (12)", "a list", "empty". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "boolean") return `a boolean (${value})`;
  if (typeof value === "number") return `a number (${value})`;
  if (typeof value === "string") return value === "" ? "an empty string" : JSON.stringify(value);
  return typeof value;
}
