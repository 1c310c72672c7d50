/** Text shown to people, always in both languages. */
export interface LocalText {
  vi: string;
  en: string;
}
