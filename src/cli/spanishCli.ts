import * as Console from "effect/Console"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { CliConfig, CliError, CliOutput, Flag, GlobalFlag, type HelpDoc } from "effect/cli"
import { DEBUG_FLAG } from "./userError.ts"

/**
 * effect/cli speaks English ("Show help information", "Missing required
 * argument"); the clerk reads Spanish. This module replaces the built-in
 * global flags, the help layout and the parse-error messages, and prints a
 * parse error as one or two lines on standard error (not the whole help).
 */

const help = GlobalFlag.Action({
  flag: Flag.Boolean("help").pipe(Flag.withAlias("h"), Flag.withDescription("Muestra esta ayuda"), Flag.withDefault(false)),
  run: GlobalFlag.Help.run,
})

const version = GlobalFlag.Action({
  flag: Flag.Boolean("version").pipe(Flag.withAlias("v"), Flag.withDescription("Muestra la versión de tacha"), Flag.withDefault(false)),
  run: GlobalFlag.Version.run,
})

/** Read by `bin.ts` from the arguments; declared here so that it parses and shows in the help. */
export const Debug = GlobalFlag.Setting(DEBUG_FLAG)({
  flag: Flag.Boolean(DEBUG_FLAG).pipe(
    Flag.withDescription("Ante un error, muestra también el detalle técnico (traza) para informarlo"),
    Flag.withDefault(false),
  ),
})

const TYPES: Record<string, string> = { string: "texto", integer: "entero", int: "entero", number: "número", float: "número", boolean: "", choice: "opción", date: "fecha" }

const typeName = (type: string): string => TYPES[type] ?? type

/** Effect's "(choices: a, b)" suffix, in Spanish. */
const spanishDescription = (description: Option.Option<string>): string =>
  Option.getOrElse(description, () => "").replace(/\(choices: ([^)]*)\)/u, "(valores: $1)")

const table = (rows: readonly { readonly left: string; readonly right: string }[]): string => {
  const width = Math.min(32, Math.max(...rows.map((row) => row.left.length)) + 3)
  return rows.map(({ left, right }) => `  ${left.padEnd(Math.max(width, left.length + 2))}${right}`.trimEnd()).join("\n")
}

const flagRows = (flags: readonly HelpDoc.FlagDoc[]) =>
  flags.map((flag) => {
    const type = typeName(flag.type)
    return { left: [`--${flag.name}`, ...flag.aliases].join(", ") + (type ? ` ${type}` : ""), right: spanishDescription(flag.description) }
  })

export const formatHelpDoc = (doc: HelpDoc.HelpDoc): string => {
  const sections: string[] = []
  if (doc.description) sections.push(doc.description, "")
  const usage = doc.usage.replace("<subcommand>", "<comando>").replace("[flags]", "[opciones]")
  sections.push("Uso:", `  ${usage}`, "")
  if (doc.args && doc.args.length > 0) {
    sections.push("Argumentos:")
    sections.push(table(doc.args.map((arg) => ({
      left: `<${arg.name}>${arg.variadic ? "..." : ""}`,
      right: spanishDescription(arg.description) + (arg.required ? "" : " (opcional)"),
    }))))
    sections.push("")
  }
  if (doc.flags.length > 0) sections.push("Opciones:", table(flagRows(doc.flags)), "")
  if (doc.inheritedFlags && doc.inheritedFlags.length > 0) sections.push("Opciones heredadas:", table(flagRows(doc.inheritedFlags)), "")
  if (doc.globalFlags && doc.globalFlags.length > 0) sections.push("Opciones generales:", table(flagRows(doc.globalFlags)), "")
  for (const group of doc.subcommands ?? []) {
    sections.push(group.group ? `${group.group}:` : "Comandos:")
    sections.push(table(group.commands.map((command) => ({ left: command.name, right: command.shortDescription ?? command.description }))))
    sections.push("")
  }
  if (doc.examples && doc.examples.length > 0) {
    sections.push("Ejemplos:")
    for (const example of doc.examples) {
      if (example.description) sections.push(`  # ${example.description}`)
      sections.push(`  ${example.command}`)
    }
    sections.push("")
  }
  if (doc.commandPath && doc.commandPath.length <= 1 && doc.subcommands && doc.subcommands.length > 0) {
    sections.push("Ayuda de cada comando: tacha <comando> --help", "")
  }
  while (sections[sections.length - 1] === "") sections.pop()
  return sections.join("\n")
}

/** What a parse error's "expected" says, in Spanish. */
const expectation = (expected: string): string => {
  const choices = [...expected.matchAll(/"([^"]+)"/gu)].map((match) => match[1])
  if (expected.includes("|") && choices.length > 0) return `uno de: ${choices.join(", ")}`
  if (/integer|\bint\b/iu.test(expected)) return "un número entero"
  if (/number|finite/iu.test(expected)) return "un número"
  if (/boolean|true|false/iu.test(expected)) return "sí o no (true/false)"
  return expected.replace(/^Expected:? ?/u, "")
}

const suggestion = (suggestions: readonly string[]): string => (suggestions.length > 0 ? ` ¿Quiso decir ${suggestions.join(" o ")}?` : "")

/** One Spanish line per parse error, naming the flag, argument or value. */
export const formatCliError = (error: CliError.CliError): string => {
  switch (error._tag) {
    case "UnrecognizedOption":
      return `Opción desconocida: ${error.option}.${suggestion(error.suggestions)}`
    case "MissingOption":
      return `Falta la opción obligatoria --${error.option}.`
    case "MissingArgument":
      return `Falta el argumento <${error.argument}>.`
    case "UnexpectedArgument":
      return `Sobra${error.arguments.length > 1 ? "n los argumentos" : " el argumento"} ${error.arguments.map((value) => `«${value}»`).join(", ")}.`
    case "InvalidValue":
      return error.value.length === 0 && error.kind === "flag"
        ? `Falta el valor de --${error.option} (se esperaba ${expectation(error.expected)}).`
        : `Valor inválido para ${error.kind === "flag" ? `--${error.option}` : `<${error.option}>`}: «${error.value}» (se esperaba ${expectation(error.expected)}).`
    case "UnknownSubcommand":
      return `Comando desconocido: «${error.subcommand}».${suggestion(error.suggestions)}`
    case "DuplicateOption":
      return `Opción repetida: --${error.option}.`
    case "ValidationError":
    case "UserError":
      return error.message
    case "ShowHelp":
      return ""
  }
}

export const formatter: CliOutput.Formatter = {
  formatHelpDoc,
  formatCliError,
  formatError: (error) => `Error: ${formatCliError(error)}`,
  formatErrors: (errors) => errors.map((error) => `Error: ${formatCliError(error)}`).join("\n"),
  formatVersion: (name, value) => `${name} ${value}`,
}

const presenter: CliOutput.Presenter = {
  present: (event) => {
    switch (event._tag) {
      case "Help":
        return Console.log(formatHelpDoc(event.helpDoc))
      case "Version":
        return Console.log(formatter.formatVersion(event.name, event.version))
      case "InvalidInvocation":
        return Console.error(
          `${formatter.formatErrors(event.errors)}\nVer «${event.commandPath.join(" ")} --help».`,
        )
    }
  },
}

/** Spanish global flags, help and parse errors for `Command.run`. */
export const spanishCli = Layer.mergeAll(
  CliConfig.layer({ builtIns: [help, version] }),
  CliOutput.layer(formatter),
  CliOutput.layerPresenter(presenter),
)
