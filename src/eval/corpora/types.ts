import type { GoldDocument } from "../evaluate.ts"

/** One converted document: its input file (relative name) and its gold line in `tacha eval` format. */
export interface ConvertedDocument {
  /** File name the pipeline reads (e.g. "echr-001.txt"); also `gold.file`. */
  readonly file: string
  readonly gold: GoldDocument
}
