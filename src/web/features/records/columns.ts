import type { CustomField } from '../../../contract/custom-fields';
import type { FieldInfo } from '../views/filter-model';
import type { EditorSpec } from './field-editors';

export type Column = { field: FieldInfo; width: number; editor: EditorSpec | null; customDef?: CustomField };

export const CHECKBOX_WIDTH = 44;
export const ROW_HEIGHT = 40;

const WIDTH_BY_KEY: Record<string, number> = {
  fullName: 220,
  name: 220,
  email: 240,
  phone: 160,
  companyId: 200,
  parentId: 200,
  title: 200,
  domain: 180,
  website: 200,
  lifecycleStage: 170,
  tags: 220,
  description: 260,
};
const WIDTH_BY_KIND: Record<string, number> = { date: 140, number: 130, boolean: 120, multiselect: 220, select: 160, ref: 180 };

export const columnWidth = (f: FieldInfo) => WIDTH_BY_KEY[f.key] ?? WIDTH_BY_KIND[f.kind] ?? 180;

/** Fields that make no sense as a column of their own. */
const HIDDEN = new Set(['id', 'deletedAt', 'firstName', 'lastName']);
export const isColumnCandidate = (f: FieldInfo, primary: string) => !HIDDEN.has(f.key) && f.key !== primary;
