import { DEALS, type ObjectConfig } from '../records/object-config';
import { RecordListPage } from '../records/record-list-page';
import { DEAL_CELLS } from './deal-cells';
import { DealsViewSwitch } from './deals-view-switch';
import { NewDealModal } from './new-deal-modal';

const CONFIG: ObjectConfig = { ...DEALS, cells: DEAL_CELLS, CreateModal: NewDealModal };

export function DealsListPage() {
  return <RecordListPage key="deals" config={CONFIG} actions={<DealsViewSwitch />} />;
}
