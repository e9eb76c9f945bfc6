declare module "word-extractor" {
  interface TextOptions {
    readonly filterUnicode?: boolean
    readonly includeHeadersAndFooters?: boolean
    readonly includeBody?: boolean
    readonly includeFooters?: boolean
  }
  interface WordDocument {
    getBody(options?: TextOptions): string
    getFootnotes(options?: TextOptions): string
    getEndnotes(options?: TextOptions): string
    getHeaders(options?: TextOptions): string
    getFooters(options?: TextOptions): string
    getAnnotations(options?: TextOptions): string
    getTextboxes(options?: TextOptions): string
  }
  export default class WordExtractor {
    extract(source: Buffer | string): Promise<WordDocument>
  }
}
