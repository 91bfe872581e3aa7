import { describe, expect, it } from 'vitest';
import { clusterBySimilarName, companyNameKey, emailKey, jaroWinkler, nameBlockKey, phoneKey, similarFirstNames } from './duplicate-keys';

describe('duplicate keys', () => {
  it('reduces an email to the mailbox it reaches', () => {
    expect(emailKey('J.Doe+crm@GoogleMail.com')).toBe('jdoe@gmail.com');
    expect(emailKey('jdoe@gmail.com')).toBe('jdoe@gmail.com');
    expect(emailKey('j.doe+news@example.com')).toBe('j.doe@example.com');
    expect(emailKey('jdoe@example.com')).not.toBe(emailKey('j.doe@example.com'));
    expect(emailKey('+tag@example.com')).toBe('+tag@example.com');
    expect(emailKey('nobody')).toBeNull();
  });

  it('compares only phones that are in E.164', () => {
    expect(phoneKey('+14155552671')).toBe('+14155552671');
    expect(phoneKey('555 2671')).toBeNull();
    expect(phoneKey('+0123')).toBeNull();
  });

  it('blocks names by last name, first initial and company', () => {
    expect(nameBlockKey({ firstName: 'José', lastName: "O'Brien-Smith", companyId: 'c1' })).toBe('obriensmith|j|c1');
    expect(nameBlockKey({ firstName: 'Jo', lastName: 'Smith', companyId: null })).toBeNull();
    expect(nameBlockKey({ firstName: null, lastName: 'Smith', companyId: 'c1' })).toBeNull();
  });

  it('folds company names without legal forms', () => {
    expect(companyNameKey('ACME, Inc.')).toBe('acme');
    expect(companyNameKey('Acme Corporation')).toBe('acme');
    expect(companyNameKey('The Globex Co.')).toBe('globex');
    expect(companyNameKey('Müller & Söhne GmbH')).toBe('muller and sohne');
    expect(companyNameKey('Acme Labs')).toBe('acme labs');
    expect(companyNameKey('Inc')).toBe('inc');
    expect(companyNameKey('!')).toBeNull();
  });

  it('scores similar first names and clusters a block', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(similarFirstNames('Jon', 'John')).toBe(true);
    expect(similarFirstNames('Chris', 'Christopher')).toBe(true);
    expect(similarFirstNames('Katherine', 'Katharine')).toBe(true);
    expect(similarFirstNames('Jane', 'John')).toBe(false);
    expect(similarFirstNames('Mark', 'Mary')).toBe(false);
    const groups = clusterBySimilarName([
      { id: '1', firstName: 'Jon' },
      { id: '2', firstName: 'Jane' },
      { id: '3', firstName: 'John' },
      { id: '4', firstName: 'Johnny' },
    ]);
    expect(groups.map((g) => g.map((m) => m.id))).toEqual([['1', '3', '4']]);
  });
});
