import { CONTACTS } from '../records/object-config';
import { RecordListPage } from '../records/record-list-page';

export function ContactsListPage() {
  return <RecordListPage key="contacts" config={CONTACTS} />;
}
