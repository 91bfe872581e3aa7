import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../contract/custom-fields';
import { suggestMapping, toInput } from './import-mapping';

const tier = { key: 'tier', label: 'Customer Tier', type: 'select', choices: ['gold', 'silver'], required: false } as unknown as CustomField;

describe('import mapping', () => {
  it('suggests fields for HubSpot, Salesforce and Zoho export headers, custom fields by key or label', () => {
    const hubspot = ['First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Job Title', 'Lifecycle Stage', 'Company Name', 'City', 'Country/Region', 'Customer Tier', 'Record ID'];
    expect(suggestMapping('contacts', hubspot, [tier])).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Phone Number': 'phone',
      'Mobile Phone Number': 'mobile',
      'Job Title': 'title',
      'Lifecycle Stage': 'lifecycleStage',
      'Company Name': 'companyName',
      City: 'city',
      'Country/Region': 'country',
      'Customer Tier': 'custom.tier',
    });
    expect(suggestMapping('contacts', ['Email Address', 'Title', 'Account Name', 'Mailing Zip/Postal Code'], [])).toEqual({ 'Email Address': 'email', Title: 'title', 'Account Name': 'companyName' });
    expect(suggestMapping('companies', ['Account Name', 'Website', 'Company Domain Name', 'Industry', 'Number of Employees', 'Annual Revenue'], [])).toEqual({
      'Account Name': 'name',
      Website: 'website',
      'Company Domain Name': 'domain',
      Industry: 'industry',
      'Number of Employees': 'employees',
      'Annual Revenue': 'annualRevenue',
    });
  });

  it('turns export values into the API shape, and names what is wrong', () => {
    const mapping = { Name: 'fullName', Stage: 'lifecycleStage', Country: 'country', Tier: 'custom.tier', Tags: 'tags' };
    expect(toInput('contacts', mapping, { Name: 'Ada Lovelace', Stage: 'Marketing Qualified Lead', Country: 'United Kingdom', Tier: 'gold', Tags: 'a; b' }, [tier])).toEqual({
      input: { firstName: 'Ada', lastName: 'Lovelace', lifecycleStage: 'marketing_qualified', addresses: [{ country: 'GB' }], custom: { tier: 'gold' }, tags: ['a', 'b'] },
      companyName: undefined,
    });
    expect(toInput('contacts', { E: 'email' }, { E: 'no-at-sign' }, [])).toEqual({ error: 'email: "no-at-sign" is not an email address' });
    expect(toInput('companies', { N: 'name', Emp: 'employees' }, { N: 'Acme', Emp: 'many' }, [])).toMatchObject({ error: expect.stringMatching(/^employees:/) });
    expect(toInput('companies', { N: 'name', Emp: 'employees' }, { N: 'Acme', Emp: '1,200' }, [])).toEqual({ input: { name: 'Acme', employees: 1200 }, companyName: undefined });
  });
});
