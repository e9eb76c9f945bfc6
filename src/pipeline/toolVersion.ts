import { readFileSync } from "node:fs"

/** The tool's version, recorded in every audit record. */
export const TOOL_VERSION: string = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
).version
