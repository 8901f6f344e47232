/** Letters that Unicode decomposition leaves alone but an email address cannot hold. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};

/**
 * 'José' → 'jose', "D'Amore" → 'damore', 'Søren' → 'soren': lower case, accents removed,
 * only [a-z0-9] kept. Scripts without a Latin form (Cyrillic, CJK) give ''.
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœøłđðþıħ]/g, (char) => SPECIAL[char]!)
    .replace(/[^a-z0-9]/g, '');
}
