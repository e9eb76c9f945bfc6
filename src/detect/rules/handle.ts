import { patternDetector } from "../patternDetector.ts"

const NETWORKS = String.raw`(?:Instagram|Facebook|TikTok|Tik\s?Tok|Twitter|X|Telegram|WhatsApp|Snapchat|Threads|YouTube|LinkedIn|Tinder|Discord|Kick|Twitch|Badoo|Free\s?Fire)`

/** Social-media users: "@usuario", "usuario de Instagram «juan.perez»", "perfil de Facebook «...»". */
export const handle = patternDetector({
  name: "rules/handle",
  labels: ["USUARIO_RED"],
  patterns: [
    {
      name: "handle:at",
      regex: /(?<![\p{L}\d._%+@-])(?<v>@[\p{L}\d_](?:[\p{L}\d_.]{0,29}[\p{L}\d_])?)(?![\p{L}\d@])/gu,
      score: 0.85,
    },
    {
      name: "handle:network-cue",
      regex: new RegExp(
        String.raw`\b(?:usuari[oa]|perfil|cuenta|nick(?:name)?|nombre\s+de\s+usuario)\s+(?:de\s+(?:la\s+red\s+social\s+)?|en\s+)?${NETWORKS}\s*(?:(?:denominad[oa]|llamad[oa]|a\s+nombre\s+de|identificad[oa]\s+como|es|era|ser[íi]a)\s+)?[:\s]*[«"“'‘]?(?<v>@?[\p{L}\d_.\-]{2,40}(?:\s[\p{L}\d_.\-]{2,30}){0,2}?)[»"”'’]`,
        "gu",
      ),
      score: 0.85,
    },
    {
      // No network named: "del perfil «luciaflor.ramirez.58»", "la cuenta \"dante_sosa\"": a quoted user name,
      // with a dot, an underscore or a digit as user names have.
      name: "handle:quoted",
      regex: /\b(?:usuari[oa]|perfil|cuenta|nick(?:name)?|alias\s+de\s+usuario)\s+(?:(?:es|era)\s+)?[«"“'‘](?<v>@?[\p{L}\d_][\p{L}\d_.]{1,38}[\p{L}\d_])[»"”'’]/gu,
      score: 0.8,
      // Or a capital inside it, as user names are run together ("LucasP", "MaruGomez"); "«Administrador»" is a word.
      validate: (v) => (/[\d_.]/.test(v) || /\p{Ll}\p{Lu}/u.test(v) ? 0.8 : undefined),
    },
    {
      // The sender of a transcribed chat line who is a user name ("[14/05/22 22:41] tomi_skate15: hola"); a
      // capitalised sender is a person's name (rules/person).
      name: "handle:chat-sender",
      regex: /^[ \t]*\[?\d{1,2}\/\d{1,2}\/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*(?:[-–][ \t]*)?(?<v>@?[\p{L}\d_][\p{L}\d_.]{1,29})[ \t]*:/gmu,
      score: 0.85,
      validate: (v) => (/[\d_.@]/.test(v) || /^\p{Ll}/u.test(v) ? 0.85 : undefined),
    },
    {
      name: "handle:network-cue-bare",
      regex: new RegExp(
        String.raw`\b(?:usuari[oa]|perfil|nick(?:name)?)\s+(?:de\s+(?:la\s+red\s+social\s+)?|en\s+)?${NETWORKS}\s*:?\s+(?<v>@?[\p{Ll}\d_][\p{L}\d_.]{1,39}[\p{L}\d_])(?![\p{L}\d])`,
        "gu",
      ),
      score: 0.8,
      // A plain lower-case word ("un perfil de Facebook falso") is not a user name unless announced with ":".
      validate: (v, c) => (/[\d_.@]/.test(v) || c.match[0].includes(":") ? 0.8 : undefined),
    },
  ],
})
