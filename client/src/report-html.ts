/**
 * The report is one self-contained page (inline styles, no script): a policy that allows nothing
 * else keeps a value copied from a document from ever loading or running anything.
 */
const POLICY = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;

export function withContentSecurityPolicy(html: string): string {
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}\n${POLICY}`) : `${POLICY}\n${html}`;
}
