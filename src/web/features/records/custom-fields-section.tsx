import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { CustomField } from '../../../contract/custom-fields';
import { useCan } from '../../app/session';
import { Section } from '../../components/section';
import { customEditor } from './field-editors';
import { RecordField } from './record-field';
import type { RecordEditor } from './use-record-editor';

export function CustomFieldsSection({ editor, defs, disabled }: { editor: RecordEditor<any>; defs: CustomField[]; disabled: boolean }) {
  const canManage = useCan('fields:manage');
  if (defs.length === 0 && !canManage) return null;
  const wide = (d: CustomField) => d.type === 'long_text' || d.type === 'multi_select';
  return (
    <Section title="Custom fields" testId="custom-fields">
      {defs.length === 0 ? (
        <Text size="sm" c="dimmed">
          This workspace has no custom fields yet.{' '}
          <Anchor component={Link} to="/settings/fields" size="sm">
            Add one in Settings
          </Anchor>
          .
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {defs.map((d) => (
            <div key={d.id} style={wide(d) ? { gridColumn: '1 / -1' } : undefined}>
              <RecordField editor={editor} spec={customEditor(d)} disabled={disabled} />
            </div>
          ))}
        </SimpleGrid>
      )}
    </Section>
  );
}
