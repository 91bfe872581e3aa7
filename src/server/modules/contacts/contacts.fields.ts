import { LIFECYCLE_STAGES } from '../../../contract/common';
import type { CustomField } from '../../../contract/custom-fields';
import { type FieldRegistry, type FieldSpec, column, customField } from '../../platform/filters/field-spec';

const t = 'contacts';
const BUILT_IN: FieldSpec[] = [
  column(t, 'id', 'id', 'ref', 'Id'),
  column(t, 'firstName', 'first_name', 'text', 'First name'),
  column(t, 'lastName', 'last_name', 'text', 'Last name'),
  column(t, 'fullName', 'full_name', 'text', 'Name'),
  column(t, 'title', 'title', 'text', 'Job title'),
  column(t, 'email', 'email', 'text', 'Email'),
  column(t, 'phone', 'phone', 'text', 'Phone'),
  column(t, 'companyId', 'company_id', 'ref', 'Company'),
  column(t, 'ownerId', 'owner_id', 'ref', 'Owner'),
  column(t, 'lifecycleStage', 'lifecycle_stage', 'select', 'Lifecycle stage', { options: [...LIFECYCLE_STAGES] }),
  column(t, 'tags', 'tags', 'multiselect', 'Tags'),
  column(t, 'consent.email', 'consent_email', 'boolean', 'Email consent'),
  column(t, 'consent.sms', 'consent_sms', 'boolean', 'SMS consent'),
  column(t, 'consent.phone', 'consent_phone', 'boolean', 'Phone consent'),
  column(t, 'birthday', 'birthday', 'date', 'Birthday'),
  column(t, 'description', 'description', 'text', 'Description', { sortable: false }),
  column(t, 'createdAt', 'created_at', 'date', 'Created'),
  column(t, 'updatedAt', 'updated_at', 'date', 'Updated'),
  column(t, 'deletedAt', 'deleted_at', 'date', 'Deleted'),
  column(t, 'createdBy', 'created_by', 'ref', 'Created by'),
];

export function contactFields(customDefs: CustomField[]): FieldRegistry {
  const map: FieldRegistry = new Map(BUILT_IN.map((f) => [f.key, f]));
  for (const def of customDefs) map.set(`custom.${def.key}`, customField(t, def));
  return map;
}
