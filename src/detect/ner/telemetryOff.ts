/**
 * ONNX Runtime 1.29 and later collects telemetry on Linux and macOS: a
 * device identifier and events about sessions, models and runs, kept under
 * the user's cache folder (Microsoft/DeveloperTools/.onnxruntime) and
 * uploaded to Microsoft over HTTPS. This pipeline reaches no network and
 * writes nothing outside its output folder, so the runtime's own opt-out,
 * ORT_DISABLE_TELEMETRY=1, must be in the process's environment before the
 * runtime starts. Imported first by the modules that load it; the main
 * thread's setting is what counts (a worker thread's `process.env` is a copy).
 */
process.env["ORT_DISABLE_TELEMETRY"] = "1"
