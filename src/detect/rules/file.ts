import { patternDetector } from "../patternDetector.ts"

/** Evidence file names: foto1.jpg, VID-20230512-WA0003.mp4, audio.opus, captura.png. */
export const file = patternDetector({
  name: "rules/file",
  labels: ["ARCHIVO"],
  patterns: [
    {
      name: "file:extension",
      regex:
        /(?<![\p{L}\d_\-.@/])(?<v>[\p{L}\d][\p{L}\d_\-()]*(?:\.[\p{L}\d_\-()]+)*?(?: \(\d{1,3}\))?\.(?:jpe?g|png|gif|bmp|heic|webp|tiff?|mp4|avi|mov|mkv|3gp|wmv|webm|opus|ogg|oga|mp3|m4a|wav|aac|amr|pdf|docx?|xlsx?|odt|txt|zip|rar|7z|csv))(?![\p{L}\d])/giu,
      score: 0.85,
    },
  ],
})
