/**
 * Plain-words search over the catalogue, done on the server so it works without JavaScript.
 * People type without diacritics on cheap phones ("chet", "khai sinh"), in Vietnamese on a Hmong page,
 * or in synonyms ("đẻ" for "sinh con"), so matching ignores tone marks and searches every language's
 * titles, summaries and keyword lists at once.
 */

export interface SearchDocument {
  readonly kind: 'life-event' | 'procedure';
  readonly id: string;
  /** Texts in each language, already flattened: titles weigh most, then keywords, then summaries. */
  readonly titles: readonly string[];
  readonly keywords: readonly string[];
  readonly summaries: readonly string[];
}

export interface SearchHit {
  readonly kind: SearchDocument['kind'];
  readonly id: string;
  readonly score: number;
}

/** Lower-case, strip tone and vowel marks, fold đ to d: "Giấy khai sinh" → "giay khai sinh". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tokens(text: string): string[] {
  const normalised = normalise(text);
  return normalised ? normalised.split(' ') : [];
}

const WEIGHTS = { titles: 3, keywords: 2, summaries: 1 } as const;
const MAX_QUERY_LENGTH = 200;

export function searchCatalogue(query: string, documents: readonly SearchDocument[]): SearchHit[] {
  const queryTokens = [...new Set(tokens(query.slice(0, MAX_QUERY_LENGTH)))];
  if (queryTokens.length === 0) return [];
  const phrase = queryTokens.join(' ');

  const hits: SearchHit[] = [];
  for (const doc of documents) {
    let score = 0;
    let matched = 0;
    for (const token of queryTokens) {
      let best = 0;
      for (const field of ['titles', 'keywords', 'summaries'] as const) {
        if (doc[field].some((text) => tokens(text).includes(token))) best = Math.max(best, WEIGHTS[field]);
      }
      if (best > 0) matched += 1;
      score += best;
    }
    // A whole phrase ("khai sinh") counts far more than its words scattered across a text.
    if (queryTokens.length > 1) {
      for (const field of ['titles', 'keywords'] as const) {
        if (doc[field].some((text) => ` ${normalise(text)} `.includes(` ${phrase} `)))
          score += 4 * WEIGHTS[field];
      }
    }
    if (matched * 2 >= queryTokens.length && score > 0) hits.push({ kind: doc.kind, id: doc.id, score });
  }
  // Life events first on a tie: they are the way in for people who do not know a procedure's name.
  return hits.sort((a, b) => b.score - a.score || (a.kind === b.kind ? 0 : a.kind === 'life-event' ? -1 : 1));
}
