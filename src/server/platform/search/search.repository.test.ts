import { describe, expect, it } from 'vitest';
import { emailQuery, queryTerms, searchableParts, titleScore } from './search.repository';

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

describe('emailQuery', () => {
  it('searches a typed email by its local part and keeps the whole address as the filter', () => {
    expect(emailQuery(' Ann.Lee@Gmail.com ')).toEqual({ terms: ['ann', 'lee'], needle: 'ann.lee@gmail.com' });
    expect(emailQuery('ann.lee@gm')).toEqual({ terms: ['ann', 'lee'], needle: 'ann.lee@gm' });
  });
  it('leaves other queries alone', () => {
    expect(emailQuery('Ann Lee')).toBeNull();
    expect(emailQuery('@gmail.com')).toBeNull();
    expect(emailQuery('ann lee@x')).toBeNull();
  });
});

describe('titleScore', () => {
  it('puts whole words before prefixes, and a title starting with the query first', () => {
    expect(titleScore('Ann Lee', ['lee'])).toBeGreaterThan(titleScore('Ann Leeds', ['lee']));
    expect(titleScore('Lee Ann', ['lee'])).toBeGreaterThan(titleScore('Ann Lee', ['lee']));
    expect(titleScore('Zoë Smith', ['zoe', 'sm'])).toBe(3 + 2 + 1);
    expect(titleScore('Bob', ['ann'])).toBe(0);
  });
});
