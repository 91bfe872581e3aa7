import { Alert, Badge, Button, Card, Group, Modal, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAdjustments, IconArrowBackUp, IconCheck, IconDownload, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ImportView } from '../../../contract/imports';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ImportErrors } from './import-errors';
import { STATUS_COLORS, isFinished, useImport, useInvalidateImports } from './use-imports';

const STATUS_LABELS: Record<string, string> = { queued: 'Waiting to start', running: 'Running', done: 'Finished', failed: 'Failed', reverted: 'Reverted' };

/** One import: live progress while it runs, then what it did, its bad rows, and revert. */
export function ImportPage() {
  const { id = '' } = useParams();
  const query = useImport(id);
  const imp = query.data;
  useDocumentTitle(`${imp?.dryRun ? 'Dry run' : 'Import'} ${imp?.fileName ?? ''} · Rapport`);
  if (query.error) return <ErrorAlert error={query.error} title="Could not load the import" />;
  if (!imp) return <Skeleton h={240} />;
  return <ImportDetail imp={imp} />;
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={600} c={color} data-testid={`stat-${label.toLowerCase().replace(/\s+/g, '-')}`}>{value.toLocaleString()}</Text>
    </div>
  );
}

function ImportDetail({ imp }: { imp: ImportView }) {
  const navigate = useNavigate();
  const invalidate = useInvalidateImports();
  const canImport = useCan('records:bulk');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const finished = isFinished(imp.status);
  const percent = imp.rowsTotal ? Math.round((imp.rowsDone / imp.rowsTotal) * 100) : 0;
  const object = imp.objectType;
  const verb = imp.dryRun ? 'Would create' : 'Created';

  async function runForReal() {
    setBusy(true);
    try {
      const next = await api.post<ImportView>(`/api/v1/imports/${imp.id}/rerun`, { dryRun: false });
      void invalidate();
      navigate(`/imports/${next.id}`);
    } catch (err) {
      notifyError(err, 'The import did not start');
    } finally {
      setBusy(false);
    }
  }

  async function revert() {
    setBusy(true);
    try {
      const res = await api.post<ImportView>(`/api/v1/imports/${imp.id}/revert`);
      const companies = res.companiesRemoved ? ` (and ${res.companiesRemoved} new ${res.companiesRemoved === 1 ? 'company' : 'companies'})` : '';
      notifySuccess(`Reverted: ${res.removed ?? 0} moved to the trash${companies}, ${res.restored ?? 0} restored`);
      void invalidate();
      setConfirming(false);
    } catch (err) {
      notifyError(err, 'Could not revert');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader
        title={<>{imp.dryRun ? 'Dry run' : 'Import'} of {object} · {imp.fileName ?? 'uploaded file'}</>}
        description={`Started ${formatDate(imp.createdAt, true)} · match by ${imp.matchBy}, ${imp.dedup === 'skip' ? 'skip matches' : imp.dedup === 'update' ? 'update matches' : 'create even when one matches'}`}
        actions={<Button component={Link} to="/imports" variant="default">All imports</Button>}
      />
      <Stack gap="md" maw={960}>
        <Card withBorder padding="lg">
          <Group justify="space-between" mb="xs">
            <Badge color={STATUS_COLORS[imp.status] ?? 'gray'} size="lg" variant="light" data-testid="import-status">{STATUS_LABELS[imp.status] ?? imp.status}</Badge>
            <Text size="sm" data-testid="import-progress-text">
              {imp.rowsTotal === null ? 'Counting rows…' : `${imp.rowsDone.toLocaleString()} of ${imp.rowsTotal.toLocaleString()} rows · ${percent}%`}
            </Text>
          </Group>
          <Progress value={finished && imp.status !== 'failed' ? 100 : percent} animated={!finished} color={imp.status === 'failed' ? 'red' : undefined} size="lg" aria-label="Import progress" />
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="md">
            <Stat label={verb} value={imp.created} color="teal" />
            <Stat label={imp.dryRun ? 'Would update' : 'Updated'} value={imp.updated} />
            <Stat label="Skipped" value={imp.skipped} />
            <Stat label="Bad rows" value={imp.errorCount} color={imp.errorCount ? 'red' : undefined} />
          </SimpleGrid>
          {imp.companiesCreated > 0 && (
            <Text size="sm" mt="sm" data-testid="import-companies-created">
              {verb} {imp.created.toLocaleString()} {object} and {imp.companiesCreated.toLocaleString()} new {imp.companiesCreated === 1 ? 'company' : 'companies'}
            </Text>
          )}
          {imp.failure && <Alert color="red" mt="md" title="The import stopped">{imp.failure}</Alert>}
        </Card>

        {finished && canImport && (
          <Group>
            {imp.dryRun && imp.status === 'done' && (
              <>
                <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void runForReal()} loading={busy}>Import for real</Button>
                <Button variant="default" leftSection={<IconAdjustments size={16} />} component={Link} to={`/imports/new?from=${imp.id}&object=${object}`}>Change the mapping</Button>
              </>
            )}
            {!imp.dryRun && imp.status === 'done' && (
              <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} />} onClick={() => setConfirming(true)}>Revert this import</Button>
            )}
            {!imp.dryRun && imp.status === 'done' && <Button variant="subtle" component={Link} to={`/${object}`} leftSection={<IconCheck size={16} />}>See the {object}</Button>}
          </Group>
        )}

        {finished && imp.errorCount > 0 && (
          <Card withBorder padding="lg">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h5">Bad rows</Title>
              <Button component="a" href={`/api/v1/imports/${imp.id}/errors.csv`} download variant="light" size="xs" leftSection={<IconDownload size={14} />}>Download errors.csv</Button>
            </Group>
            <ImportErrors key={imp.id} id={imp.id} count={imp.errorCount} />
          </Card>
        )}
        {finished && imp.errorCount === 0 && imp.status === 'done' && <Alert color="teal" variant="light" icon={<IconCheck size={18} />}>Every row could be read and written.</Alert>}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Revert this import?">
        <Text size="sm">
          The {imp.created.toLocaleString()} {object} it created{imp.companiesCreated > 0 ? ` and the ${imp.companiesCreated.toLocaleString()} companies it made for them` : ''} go to the trash and the {imp.updated.toLocaleString()} it updated get their earlier values back.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>Cancel</Button>
          <Button color="red" onClick={() => void revert()} loading={busy}>Revert</Button>
        </Group>
      </Modal>
    </>
  );
}
