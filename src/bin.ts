#!/usr/bin/env node
// The compile cache first, then the program: static imports would be compiled before it was on.
import { enableCompileCache } from "./cli/compileCache.ts"

enableCompileCache()
await import("./cli/launch.ts")
