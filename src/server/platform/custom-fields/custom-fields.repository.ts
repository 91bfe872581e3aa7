import { sql } from 'kysely';
import type { CustomField, CustomFieldType, RecordType } from '../../../contract/custom-fields';
import type { CustomFieldRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';

type Options = { choices?: string[]; currency?: string | null };

const toField = (db: WorkspaceDb, r: CustomFieldRow): CustomField => {
  const o = db.dialect.json.read<Options>(r.options, {});
  return {
    id: r.id,
    objectType: r.object_type,
    key: r.key,
    label: r.label,
    type: r.type as CustomFieldType,
    choices: o.choices ?? [],
    currency: o.currency ?? null,
    required: r.required === 1,
    position: r.position,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};

export async function listFields(db: WorkspaceDb, objectType?: RecordType): Promise<CustomField[]> {
  let q = db.selectFrom('custom_fields').selectAll();
  if (objectType) q = q.where('object_type', '=', objectType);
  const rows = await q.orderBy('object_type').orderBy('position').orderBy('id').execute();
  return rows.map((r) => toField(db, r));
}

export async function findField(db: WorkspaceDb, id: string): Promise<CustomField | undefined> {
  const r = await db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toField(db, r) : undefined;
}

export async function insertField(db: WorkspaceDb, f: CustomField): Promise<void> {
  await db
    .insertInto('custom_fields', {
      id: f.id,
      object_type: f.objectType,
      key: f.key,
      label: f.label,
      type: f.type,
      options: db.dialect.json.write({ choices: f.choices, currency: f.currency }),
      required: f.required ? 1 : 0,
      position: f.position,
      created_at: f.createdAt,
      updated_at: f.updatedAt,
    })
    .execute();
}

export async function updateField(db: WorkspaceDb, f: CustomField): Promise<void> {
  await db
    .updateTable('custom_fields')
    .set({
      label: f.label,
      options: db.dialect.json.write({ choices: f.choices, currency: f.currency }),
      required: f.required ? 1 : 0,
      position: f.position,
      updated_at: f.updatedAt,
    })
    .where('id', '=', f.id)
    .execute();
}

/** Deletes the definition and the values stored under its key. */
export async function deleteField(db: WorkspaceDb, f: CustomField): Promise<void> {
  await db.deleteFrom('custom_fields').where('id', '=', f.id).execute();
  const table = f.objectType as RecordType;
  await db
    .updateTable(table)
    .set({ custom: db.dialect.jsonWithout(sql.ref(`${table}.custom`), f.key) as any })
    .execute();
}
