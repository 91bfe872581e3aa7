import { errorAt } from '../../lib/field-errors';
import type { EditorSpec } from './field-editors';
import { FieldInput } from './field-input';
import type { RecordEditor } from './use-record-editor';

type Props = { editor: RecordEditor<any>; spec: EditorSpec; disabled: boolean; companyLabel?: string | null; excludeId?: string };

/** A built-in or custom field of the record being edited, wired to the draft and its errors. */
export function RecordField({ editor, spec, disabled, companyLabel, excludeId }: Props) {
  const draft = editor.draft!;
  const isCustom = spec.key.startsWith('custom.');
  const value = isCustom ? draft.custom[spec.key.slice(7)] : draft[spec.key];
  return (
    <FieldInput
      spec={spec}
      value={value ?? null}
      onChange={(v) => (isCustom ? editor.setCustom(spec.key.slice(7), v) : editor.setField(spec.key, v))}
      error={errorAt(editor.errors, spec.key)}
      disabled={disabled}
      companyLabel={companyLabel}
      excludeId={excludeId}
    />
  );
}
