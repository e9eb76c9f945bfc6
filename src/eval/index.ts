export { evaluate, readAudits, readGold, score, scoreDocuments } from "./evaluate.ts"
export type { AuditDocument, AuditEntity, DocumentInput, DocumentScore, EvalReport, GoldDocument, GoldKeep, GoldSpan, LabelScore, Score } from "./evaluate.ts"
export { formatReport } from "./formatReport.ts"
export { alignItems, type AlignedItem, type Located } from "./align.ts"
