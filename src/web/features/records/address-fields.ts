import type { SubField } from './entry-list-editor';

export const EMAIL_FIELDS: SubField[] = [
  { key: 'email', label: 'Email', type: 'email', placeholder: 'name@example.com', grow: true },
  { key: 'label', label: 'Label', placeholder: 'work', width: 120, maxLength: 40 },
];
export const PHONE_FIELDS: SubField[] = [
  { key: 'phone', label: 'Phone', type: 'tel', placeholder: '+1 415 555 0100', grow: true },
  { key: 'label', label: 'Label', placeholder: 'mobile', width: 120, maxLength: 40 },
];
export const ADDRESS_FIELDS: SubField[] = [
  { key: 'label', label: 'Label', placeholder: 'office', maxLength: 40 },
  { key: 'street', label: 'Street' },
  { key: 'city', label: 'City' },
  { key: 'region', label: 'Region' },
  { key: 'postalCode', label: 'Postal code', maxLength: 20 },
  { key: 'country', label: 'Country code', placeholder: 'US', maxLength: 2 },
];
