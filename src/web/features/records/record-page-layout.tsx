import { Alert, Anchor, Button, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconRefresh, IconRestore, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { unclaimed } from '../../lib/field-errors';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { AnyRecord, ObjectConfig } from './object-config';
import type { RecordEditor } from './use-record-editor';

type Props<R extends AnyRecord> = {
  config: ObjectConfig;
  editor: RecordEditor<R>;
  subtitle?: ReactNode;
  badges?: ReactNode;
  /** Buttons of the object's own (convert, …) beside Delete. */
  actions?: ReactNode;
  /** The left column: the record's fields. */
  children: (record: R, disabled: boolean) => ReactNode;
  side: (record: R) => ReactNode;
};

/** The frame every record page shares: header, trash and conflict banners, the save bar, two columns. */
export function RecordPageLayout<R extends AnyRecord>({ config, editor, subtitle, badges, actions, children, side }: Props<R>) {
  const canWrite = useCan('records:write');
  const [busy, setBusy] = useState(false);
  const { record, draft, query } = editor;
  useDocumentTitle(record ? `${config.titleOf(record)} · Rapport` : 'Rapport');
  // After a refused save, bring the first field the server complained about into view.
  useEffect(() => {
    if (!editor.saveError) return;
    const invalid = document.querySelector<HTMLElement>('main [aria-invalid="true"]');
    invalid?.scrollIntoView({ block: 'center' });
    invalid?.focus({ preventScroll: true });
  }, [editor.saveError]);

  if (query.error && !record) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return missing ? (
      <EmptyState
        icon={<IconAlertTriangle size={28} />}
        title={`This ${config.singular} does not exist`}
        description="It may have been deleted for good, or the link is wrong."
        action={
          <Button component={Link} to={`/${config.type}`}>
            Back to {config.plural}
          </Button>
        }
      />
    ) : (
      <ErrorAlert error={query.error} title={`Could not load this ${config.singular}`} />
    );
  }
  if (!record || !draft) {
    return (
      <Center py={80}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }

  const trashed = !!record.deletedAt;
  const disabled = trashed || !canWrite;
  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    try {
      await work();
      await query.refetch();
      notifySuccess(message);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  const title = config.titleOf(record);
  // Errors for a property the page shows an input for appear beside it; anything else goes on top.
  const rest = unclaimed(editor.errors, (path) => path.split('.')[0] in draft);

  return (
    <Stack gap="md" pb={editor.dirty ? 80 : 0}>
      <Anchor component={Link} to={`/${config.type}`} size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {config.plural[0].toUpperCase() + config.plural.slice(1)}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" align="center">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="record-title">
              {title}
            </Title>
            {badges}
          </Group>
          {subtitle && (
            <Text c="dimmed" size="sm" mt={2}>
              {subtitle}
            </Text>
          )}
        </div>
        <Group gap="xs">
          {actions}
          {canWrite &&
            (trashed ? (
              <Button leftSection={<IconRestore size={16} />} loading={busy} onClick={() => act(() => editor.mutations.restore(record.id), `${title} restored`)}>
                Restore
              </Button>
            ) : (
              <Button variant="default" color="red" leftSection={<IconTrash size={16} />} loading={busy} onClick={() => act(() => editor.mutations.remove(record.id), `${title} moved to the trash`)}>
                Delete
              </Button>
            ))}
        </Group>
      </Group>
      {trashed && (
        <Alert color="orange" variant="light" icon={<IconTrash size={18} />} title={`This ${config.singular} is in the trash`}>
          It does not appear in lists or search. Restore it to edit it again.
        </Alert>
      )}
      {editor.conflict && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Someone else changed this record — reload" data-testid="conflict">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">Your changes were not saved because the record changed since you opened it. Reload to see the latest version, then make your change again.</Text>
            <Button size="xs" color="red" leftSection={<IconRefresh size={14} />} onClick={() => void editor.reload()}>
              Reload
            </Button>
          </Stack>
        </Alert>
      )}
      {!!editor.saveError && (Object.keys(editor.errors).length === 0 || Object.keys(rest).length > 0) && (
        <ErrorAlert error={editor.saveError} title="Your changes were not saved" />
      )}
      {Object.keys(editor.errors).length > 0 && Object.keys(rest).length === 0 && (
        <Alert color="red" variant="light" title="Your changes were not saved" role="alert">
          Fix the highlighted {Object.keys(editor.errors).length === 1 ? 'field' : 'fields'} and save again.
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">{children(record, disabled)}</Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">{side(record)}</Stack>
        </Grid.Col>
      </Grid>
      {editor.dirty && (
        <Paper shadow="lg" withBorder p="sm" radius="md" style={{ position: 'fixed', bottom: 16, left: '50%', transform: 'translateX(-50%)', zIndex: 150, width: 'min(560px, calc(100vw - 24px))' }} data-testid="save-bar">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={500}>
              Unsaved changes
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Button variant="default" onClick={editor.discard} disabled={editor.saving}>
                Discard
              </Button>
              <Button onClick={() => void editor.save()} loading={editor.saving}>
                Save
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
