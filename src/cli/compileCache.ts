import * as nodeModule from "node:module"
import { homedir } from "node:os"
import { join } from "node:path"

/**
 * The folder of the compile cache: NODE_COMPILE_CACHE when set, else the
 * user's own cache folder (`$XDG_CACHE_HOME/tacha/compile-cache`, by default
 * `~/.cache/tacha/compile-cache`). Not Node's default, `<tmp>/node-compile-cache`:
 * on a shared server that folder is shared by every user, and compiled code
 * another user could write there is code this process would run.
 */
export const compileCacheFolder = (env: NodeJS.ProcessEnv = process.env): string =>
  env.NODE_COMPILE_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "tacha", "compile-cache")

/**
 * Turns on Node's module compile cache (V8's code cache, kept on disk in
 * `compileCacheFolder()`) for this process and, through the environment,
 * for the threads and processes it starts. A run compiles the same modules
 * (Effect, the readers, the model's runtime) once in each of its threads;
 * with the cache, later runs read the compiled code instead. It holds code
 * only, never a ruling's data. It only saves time: Node versions without the
 * call (the compiled package runs on Node 20) and a folder that cannot be
 * written leave it off, and NODE_DISABLE_COMPILE_CACHE=1 turns it off on
 * purpose. Must run before the modules it should cache are imported.
 */
export const enableCompileCache = (): void => {
  const result = nodeModule.enableCompileCache?.(compileCacheFolder())
  if (result?.directory !== undefined) process.env.NODE_COMPILE_CACHE = result.directory
}
