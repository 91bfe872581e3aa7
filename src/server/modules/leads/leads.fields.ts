import { ALL_LEAD_STATUSES } from '../../../contract/leads';
import type { CustomField } from '../../../contract/custom-fields';
import { type FieldRegistry, type FieldSpec, column, customField } from '../../platform/filters/field-spec';

const t = 'leads';
const BUILT_IN: FieldSpec[] = [
  column(t, 'id', 'id', 'ref', 'Id'),
  column(t, 'name', 'name', 'text', 'Name'),
  column(t, 'email', 'email', 'text', 'Email'),
  column(t, 'phone', 'phone', 'text', 'Phone'),
  column(t, 'companyName', 'company_name', 'text', 'Company'),
  column(t, 'title', 'title', 'text', 'Job title'),
  column(t, 'source', 'source', 'text', 'Source'),
  column(t, 'status', 'status', 'select', 'Status', { options: [...ALL_LEAD_STATUSES] }),
  column(t, 'ownerId', 'owner_id', 'ref', 'Owner'),
  column(t, 'score', 'score', 'number', 'Score'),
  column(t, 'tags', 'tags', 'multiselect', 'Tags'),
  column(t, 'description', 'description', 'text', 'Description', { sortable: false }),
  column(t, 'convertedAt', 'converted_at', 'date', 'Converted'),
  column(t, 'convertedContactId', 'converted_contact_id', 'ref', 'Converted to contact'),
  column(t, 'convertedCompanyId', 'converted_company_id', 'ref', 'Converted to company'),
  column(t, 'convertedDealId', 'converted_deal_id', 'ref', 'Converted to deal'),
  column(t, 'createdAt', 'created_at', 'date', 'Created'),
  column(t, 'updatedAt', 'updated_at', 'date', 'Updated'),
  column(t, 'deletedAt', 'deleted_at', 'date', 'Deleted'),
  column(t, 'createdBy', 'created_by', 'ref', 'Created by'),
];

export function leadFields(customDefs: CustomField[]): FieldRegistry {
  const map: FieldRegistry = new Map(BUILT_IN.map((f) => [f.key, f]));
  for (const def of customDefs) map.set(`custom.${def.key}`, customField(t, def));
  return map;
}
