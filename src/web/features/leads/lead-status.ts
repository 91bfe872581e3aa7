import { LEAD_STATUS_LABELS } from '../records/field-editors';

export const LEAD_STATUS_COLORS: Record<string, string> = { new: 'blue', working: 'yellow', qualified: 'teal', disqualified: 'gray', converted: 'grape' };
export const leadStatusLabel = (status: string) => LEAD_STATUS_LABELS[status] ?? status;
