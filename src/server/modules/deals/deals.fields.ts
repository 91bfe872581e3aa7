import { sql } from 'kysely';
import { STAGE_KINDS } from '../../../contract/pipelines';
import type { CustomField } from '../../../contract/custom-fields';
import { type FieldRegistry, type FieldSpec, column, customField } from '../../platform/filters/field-spec';

const t = 'deals';

/** A field of the joined stage (see withStage), read from its aliased column. */
const stageField = (key: string, col: 'kind' | 'probability' | 'name', kind: FieldSpec['kind'], label: string, options?: string[]): FieldSpec => ({
  key,
  label,
  kind,
  expr: () => sql.ref(`deal_stage.${col}`),
  read: (row) => row[`stage_${col}`],
  sortable: true,
  options,
});

const BUILT_IN: FieldSpec[] = [
  column(t, 'id', 'id', 'ref', 'Id'),
  column(t, 'name', 'name', 'text', 'Name'),
  column(t, 'amount', 'amount', 'number', 'Amount (minor units)'),
  column(t, 'currency', 'currency', 'text', 'Currency'),
  column(t, 'closeDate', 'close_date', 'date', 'Close date'),
  column(t, 'closedAt', 'closed_at', 'date', 'Closed'),
  column(t, 'pipelineId', 'pipeline_id', 'ref', 'Pipeline'),
  column(t, 'stageId', 'stage_id', 'ref', 'Stage'),
  stageField('stageName', 'name', 'text', 'Stage name'),
  stageField('stageKind', 'kind', 'select', 'Stage kind', [...STAGE_KINDS]),
  stageField('probability', 'probability', 'number', 'Probability'),
  column(t, 'ownerId', 'owner_id', 'ref', 'Owner'),
  column(t, 'companyId', 'company_id', 'ref', 'Company'),
  column(t, 'contactIds', 'contact_ids', 'multiselect', 'Contacts'),
  column(t, 'leadId', 'lead_id', 'ref', 'Lead'),
  column(t, 'lostReason', 'lost_reason', 'text', 'Lost reason'),
  column(t, 'tags', 'tags', 'multiselect', 'Tags'),
  column(t, 'description', 'description', 'text', 'Description', { sortable: false }),
  column(t, 'createdAt', 'created_at', 'date', 'Created'),
  column(t, 'updatedAt', 'updated_at', 'date', 'Updated'),
  column(t, 'deletedAt', 'deleted_at', 'date', 'Deleted'),
  column(t, 'createdBy', 'created_by', 'ref', 'Created by'),
];

export function dealFields(customDefs: CustomField[]): FieldRegistry {
  const map: FieldRegistry = new Map(BUILT_IN.map((f) => [f.key, f]));
  for (const def of customDefs) map.set(`custom.${def.key}`, customField(t, def));
  return map;
}
