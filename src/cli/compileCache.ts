import * as nodeModule from "node:module"

/**
 * Turns on Node's module compile cache (V8's code cache, kept on disk in the
 * folder NODE_COMPILE_CACHE names, else `<tmp>/node-compile-cache`) for this
 * process and, through the environment, for the threads and processes it
 * starts. A run compiles the same modules (Effect, the readers, the model's
 * runtime) once in each of its threads; with the cache, later runs read the
 * compiled code instead. It only saves time: Node versions without the call
 * (the compiled package runs on Node 20) and a folder that cannot be written
 * leave it off, and NODE_DISABLE_COMPILE_CACHE=1 turns it off on purpose.
 * Must run before the modules it should cache are imported.
 */
export const enableCompileCache = (): void => {
  const result = nodeModule.enableCompileCache?.()
  if (result?.directory !== undefined) process.env.NODE_COMPILE_CACHE = result.directory
}
