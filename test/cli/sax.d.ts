// The part of sax (a strict XML parser, installed with @vscode/vsce) that the JUnit test uses.
declare module "sax" {
  interface Tag {
    readonly name: string;
    readonly attributes: Record<string, string>;
  }
  interface SaxParser {
    onerror: (error: Error) => void;
    onopentag: (tag: Tag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    write(xml: string): SaxParser;
    close(): SaxParser;
  }
  const sax: { parser(strict: boolean): SaxParser };
  export default sax;
}
