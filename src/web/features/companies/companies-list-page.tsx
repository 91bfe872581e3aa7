import { COMPANIES } from '../records/object-config';
import { RecordListPage } from '../records/record-list-page';

export function CompaniesListPage() {
  return <RecordListPage key="companies" config={COMPANIES} />;
}
