import { LEADS, type ObjectConfig } from '../records/object-config';
import { RecordListPage } from '../records/record-list-page';
import { LEAD_CELLS } from './lead-cells';

const CONFIG: ObjectConfig = { ...LEADS, cells: LEAD_CELLS };

export function LeadsListPage() {
  return <RecordListPage key="leads" config={CONFIG} />;
}
