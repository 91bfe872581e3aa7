import type { CustomField, CustomFieldCreate, CustomFieldUpdate, RecordType } from '../../../contract/custom-fields';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../context';
import { recordEvents } from '../events/events.repository';
import { AppError, FieldErrors, notFound } from '../errors';
import { isId, newId, nowIso } from '../ids';
import { deleteField, findField, insertField, listFields, updateField } from './custom-fields.repository';

const CHOICE_TYPES = new Set(['select', 'multi_select']);

function checkShape(type: string, choices: string[] | undefined, currency: string | undefined | null) {
  const errors = new FieldErrors();
  if (CHOICE_TYPES.has(type) && (!choices || choices.length === 0)) errors.add('choices', `a ${type} field needs at least one choice`);
  if (!CHOICE_TYPES.has(type) && choices && choices.length > 0) errors.add('choices', `only select and multi_select fields have choices`);
  if (type !== 'currency' && currency) errors.add('currency', 'only currency fields have a currency');
  errors.throwIfAny();
}

export function createCustomFieldsService(scoped: (ctx: Ctx) => WorkspaceDb) {
  return {
    async list(ctx: Ctx, objectType?: RecordType): Promise<CustomField[]> {
      requirePermission(ctx, 'records:read');
      return listFields(scoped(ctx), objectType);
    },

    async create(ctx: Ctx, input: CustomFieldCreate): Promise<CustomField> {
      requirePermission(ctx, 'fields:manage');
      checkShape(input.type, input.choices, input.currency);
      const db = scoped(ctx);
      return db.transaction(async (tx) => {
        const existing = await listFields(tx, input.objectType);
        if (existing.some((f) => f.key === input.key)) {
          throw new AppError('conflict', `key: ${input.objectType} already has a custom field "${input.key}"`, { field: 'key' });
        }
        const at = nowIso();
        const field: CustomField = {
          id: newId(),
          objectType: input.objectType,
          key: input.key,
          label: input.label,
          type: input.type,
          choices: input.choices ?? [],
          currency: input.type === 'currency' ? (input.currency ?? 'USD') : null,
          required: input.required ?? false,
          position: input.position ?? existing.length,
          createdAt: at,
          updatedAt: at,
        };
        try {
          await insertField(tx, field);
        } catch (err) {
          // The same key added twice at once: the unique key stops the second.
          if (tx.dialect.isUniqueViolation(err)) throw new AppError('conflict', `key: ${input.objectType} already has a custom field "${input.key}"`, { field: 'key' });
          throw err;
        }
        await recordEvents(tx, ctx, [{ action: 'created', objectType: 'custom_field', objectId: field.id, changes: { key: { before: null, after: field.key } } }]);
        return field;
      });
    },

    async update(ctx: Ctx, id: string, input: CustomFieldUpdate): Promise<CustomField> {
      requirePermission(ctx, 'fields:manage');
      const db = scoped(ctx);
      return db.transaction(async (tx) => {
        const field = isId(id) ? await findField(tx, id) : undefined;
        if (!field) throw notFound('Custom field');
        checkShape(field.type, input.choices ?? (CHOICE_TYPES.has(field.type) ? field.choices : undefined), input.currency);
        const next: CustomField = {
          ...field,
          label: input.label ?? field.label,
          choices: input.choices ?? field.choices,
          currency: input.currency ?? field.currency,
          required: input.required ?? field.required,
          position: input.position ?? field.position,
          updatedAt: nowIso(),
        };
        await updateField(tx, next);
        await recordEvents(tx, ctx, [{ action: 'updated', objectType: 'custom_field', objectId: id, changes: { label: { before: field.label, after: next.label } } }]);
        return next;
      });
    },

    async remove(ctx: Ctx, id: string): Promise<void> {
      requirePermission(ctx, 'fields:manage');
      const db = scoped(ctx);
      await db.transaction(async (tx) => {
        const field = isId(id) ? await findField(tx, id) : undefined;
        if (!field) throw notFound('Custom field');
        await deleteField(tx, field);
        await recordEvents(tx, ctx, [{ action: 'deleted', objectType: 'custom_field', objectId: id, changes: { key: { before: field.key, after: null } } }]);
      });
    },
  };
}
export type CustomFieldsService = ReturnType<typeof createCustomFieldsService>;
