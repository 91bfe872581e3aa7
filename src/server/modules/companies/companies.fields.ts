import { LIFECYCLE_STAGES } from '../../../contract/common';
import type { CustomField } from '../../../contract/custom-fields';
import { type FieldRegistry, type FieldSpec, column, customField } from '../../platform/filters/field-spec';

const t = 'companies';
const BUILT_IN: FieldSpec[] = [
  column(t, 'id', 'id', 'ref', 'Id'),
  column(t, 'name', 'name', 'text', 'Name'),
  column(t, 'domain', 'domain', 'text', 'Domain'),
  column(t, 'website', 'website', 'text', 'Website'),
  column(t, 'industry', 'industry', 'text', 'Industry'),
  column(t, 'employees', 'employees', 'number', 'Employees'),
  column(t, 'annualRevenue', 'annual_revenue', 'number', 'Annual revenue'),
  column(t, 'phone', 'phone', 'text', 'Phone'),
  column(t, 'parentId', 'parent_id', 'ref', 'Parent company'),
  column(t, 'ownerId', 'owner_id', 'ref', 'Owner'),
  column(t, 'lifecycleStage', 'lifecycle_stage', 'select', 'Lifecycle stage', { options: [...LIFECYCLE_STAGES] }),
  column(t, 'tags', 'tags', 'multiselect', 'Tags'),
  column(t, 'description', 'description', 'text', 'Description', { sortable: false }),
  column(t, 'createdAt', 'created_at', 'date', 'Created'),
  column(t, 'updatedAt', 'updated_at', 'date', 'Updated'),
  column(t, 'deletedAt', 'deleted_at', 'date', 'Deleted'),
  column(t, 'createdBy', 'created_by', 'ref', 'Created by'),
];

export function companyFields(customDefs: CustomField[]): FieldRegistry {
  const map: FieldRegistry = new Map(BUILT_IN.map((f) => [f.key, f]));
  for (const def of customDefs) map.set(`custom.${def.key}`, customField(t, def));
  return map;
}
