// The preview's own words (KaTeX's messages stay KaTeX's, in English, as users search for them), in the
// languages of the extension's UI. The editor passes VS Code's display language, the CLI its --lang.

export type RenderLang = 'en' | 'es';

interface Messages {
  unknownLabel(kind: string, name: string): string;
  unknownLabelDetail(name: string): string;
  katexError: string;
}

const MESSAGES: Record<RenderLang, Messages> = {
  en: {
    unknownLabel: (kind, name) => `\\${kind}{${name}}: unknown label`,
    unknownLabelDetail: (name) => `No formula has \\label{${name}}. Add the label to a display formula or fix the name.`,
    katexError: 'KaTeX parse error',
  },
  es: {
    unknownLabel: (kind, name) => `\\${kind}{${name}}: etiqueta desconocida`,
    unknownLabelDetail: (name) => `Ninguna fórmula tiene \\label{${name}}. Añade la etiqueta a una fórmula en display o corrige el nombre.`,
    katexError: 'Error de KaTeX',
  },
};

export function messages(lang: RenderLang | undefined): Messages {
  return MESSAGES[lang ?? 'en'];
}
