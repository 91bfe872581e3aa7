import { describe, expect, it } from 'vitest';
import { queryTerms, searchableParts } from './search.repository';

describe('queryTerms', () => {
  it('splits words, folds case and accents, and drops what the engines would read as syntax', () => {
    expect(queryTerms('Zoë  O\'Brien-Smith')).toEqual(['zoe', 'o', 'brien', 'smith']);
    expect(queryTerms('"ada*" OR (lov) NEAR:')).toEqual(['ada', 'or', 'lov', 'near']);
    expect(queryTerms('*** ---')).toEqual([]);
  });

  it('keeps at most eight terms', () => {
    expect(queryTerms('a b c d e f g h i j')).toHaveLength(8);
  });

  it('reads a phone number typed with spaces, dashes or brackets as its digits', () => {
    expect(queryTerms('(415) 555-2671')).toEqual(['4155552671']);
    expect(queryTerms('+1 415 555 2671')).toEqual(['14155552671']);
    // Too short to be a phone number: ordinary terms.
    expect(queryTerms('12 345')).toEqual(['12', '345']);
  });
});

describe('searchableParts', () => {
  it('indexes an email whole, spaced, and by local part and domain', () => {
    const parts = searchableParts(['ada.l@engines.example']).split(' ');
    expect(parts).toEqual(expect.arrayContaining(['ada.l@engines.example', 'ada', 'l', 'engines', 'example', 'ada.l', 'engines.example']));
  });

  it('indexes a phone by its digits, with and without the country code', () => {
    const parts = searchableParts(['+14155552671']).split(' ');
    expect(parts).toEqual(expect.arrayContaining(['14155552671', '4155552671']));
  });

  it('skips empty values', () => {
    expect(searchableParts([null, undefined, ''])).toBe('');
  });
});
