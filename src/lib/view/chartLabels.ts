// What a downloaded chart says of itself: its title, the framework and year it shows, and a
// source line — the files it was computed from, the framework's decision, the day.
import type { ChartLabels } from '../export/download';
import type { Lang } from '../i18n/format';
import type { LocalText } from '../i18n/localText';
import { t } from '../i18n/strings';

/** At most this many file names; the rest are counted ("+4"). */
const FILES_SHOWN = 3;

export function chartLabels(input: {
  title: string;
  lang: Lang;
  framework: { title: LocalText; decision: string } | null | undefined;
  year: number | null;
  files: readonly string[];
  day: Date;
}): ChartLabels {
  const { lang, framework } = input;
  const files = [...new Set(input.files)];
  const shown =
    files.length > FILES_SHOWN
      ? [...files.slice(0, FILES_SHOWN), `+${files.length - FILES_SHOWN}`]
      : files;
  const day = input.day.toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return {
    title: input.title,
    subtitle: [framework?.title[lang], input.year].filter((x) => x != null).join(', '),
    source: [
      `${t(lang, 'chartSource')}${shown.length > 0 ? ` — ${shown.join(', ')}` : ''}`,
      framework?.decision,
      `${t(lang, 'exportedOn')} ${day}`,
    ]
      .filter(Boolean)
      .join(' · '),
  };
}
