/**
 * Each page keeps its own texts next to it; Russian is the source, and Kazakh and English must
 * translate every Russian key (a missing key is a type error). The catalogs merge them all.
 */
export function defineTexts<const R extends Record<string, string>>(texts: {
  ru: R;
  kk: Record<keyof R, string>;
  en: Record<keyof R, string>;
}) {
  return texts;
}
