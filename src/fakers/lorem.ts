import type { PickBuilder } from './locale-tables.js';
import { pickFrom, type Pick } from './template.js';

/** Words, sentences and text from the locale's lorem words, shaped as Python faker's. */
export const wordPick: PickBuilder = (t) => pickFrom(t.strings('lorem.word'));
export const colorNamePick: PickBuilder = (t) => pickFrom(t.strings('color.human'));
export const currencyCodePick: PickBuilder = (t) => {
  const currencies = (t.raw('finance.currency') as { code?: string }[] | undefined) ?? [];
  const codes = [...new Set(currencies.map((c) => c.code).filter((code): code is string => typeof code === 'string'))];
  return codes.length > 0 ? pickFrom(codes) : t.fallback!.get(currencyCodePick);
};

/** A count of `count`, or within ±40% of it when `variable` (as Python faker's variable_nb_*). */
function countPick(count: number, variable: boolean): (random: Parameters<Pick>[0]) => number {
  const low = variable ? Math.max(1, Math.round(count * 0.6)) : count;
  const high = variable ? Math.max(1, Math.round(count * 1.4)) : count;
  return (random) => low + random.index(high - low + 1);
}

/** `count` words (±40% when `variable`), capitalized, ending with a period. */
export function sentencePick(word: Pick, count: number, variable: boolean): Pick {
  const words = countPick(count, variable);
  return (random, faker) => {
    const n = words(random);
    const first = word(random, faker);
    let out = first.charAt(0).toUpperCase() + first.slice(1);
    for (let i = 1; i < n; i++) out += ` ${word(random, faker)}`;
    return `${out}.`;
  };
}

/** Sentences joined by spaces. */
export function paragraphPick(sentence: Pick, count: number, variable: boolean): Pick {
  const sentences = countPick(count, variable);
  return (random, faker) => {
    const n = sentences(random);
    let out = sentence(random, faker);
    for (let i = 1; i < n; i++) out += ` ${sentence(random, faker)}`;
    return out;
  };
}

/** Whole sentences up to `maxChars` characters; a first sentence that is too long is cut to words. */
export function textPick(word: Pick, sentence: Pick, maxChars: number): Pick {
  return (random, faker) => {
    let out = '';
    for (;;) {
      const next = sentence(random, faker);
      if (out.length + (out === '' ? 0 : 1) + next.length > maxChars) break;
      out = out === '' ? next : `${out} ${next}`;
    }
    if (out !== '') return out;
    let words = '';
    for (;;) {
      const next = word(random, faker);
      const longer = words === '' ? next.charAt(0).toUpperCase() + next.slice(1) : `${words} ${next}`;
      if (longer.length + 1 > maxChars) return words === '' ? longer.slice(0, maxChars - 1) + '.' : `${words}.`;
      words = longer;
    }
  };
}
