import { Button, Card, Center, Group, Loader, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconCopyCheck } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { notifyError, notifySuccess } from '../../lib/notify';
import { DuplicateGroupCard } from './duplicate-group-card';
import { type DuplicateType, scanOf, useDismissGroup, useDuplicateGroups } from './use-duplicates';

const LABELS: Record<DuplicateType, { singular: string; plural: string; how: string }> = {
  contacts: { singular: 'contact', plural: 'contacts', how: 'the same email (ignoring dots in Gmail addresses and +tags), the same phone number, or a similar name at the same company' },
  companies: { singular: 'company', plural: 'companies', how: 'the same domain or the same name once “Inc.”, “Ltd” and punctuation are left out' },
};

/** Possible duplicates of contacts or companies, grouped with the reason, to merge or dismiss. */
export function DuplicatesPage({ type }: { type: DuplicateType }) {
  const label = LABELS[type];
  useDocumentTitle(`Possible duplicate ${label.plural} · Rapport`);
  const navigate = useNavigate();
  const canWrite = useCan('records:write');
  const query = useDuplicateGroups(type);
  const dismiss = useDismissGroup(type);
  const groups = query.data?.pages.flatMap((p) => p.data) ?? [];
  const scan = scanOf(query.data?.pages);
  const scanning = scan?.status === 'scanning' ? scan : null;

  const onDismiss = (ids: string[]) =>
    dismiss.mutate(ids, {
      onSuccess: () => notifySuccess('They will not be suggested together again'),
      onError: (err) => notifyError(err, 'Could not dismiss'),
    });

  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={`Possible duplicate ${label.plural}`}
        description={`${label.plural[0].toUpperCase()}${label.plural.slice(1)} with ${label.how}.`}
        actions={
          <>
            <SegmentedControl
              size="xs"
              value={type}
              onChange={(v) => navigate(`/${v}/duplicates`)}
              data={[
                { value: 'contacts', label: 'Contacts' },
                { value: 'companies', label: 'Companies' },
              ]}
              aria-label="Which records"
            />
            <Button variant="default" component={Link} to={`/${type}`} leftSection={<IconArrowLeft size={16} />}>
              Back to {label.plural}
            </Button>
          </>
        }
      />
      {query.isPending ? (
        <Center py={60}>
          <Stack align="center" gap="xs">
            <Loader aria-label="Looking for duplicates" />
            <Text size="sm" c="dimmed">
              Looking for duplicates…
            </Text>
          </Stack>
        </Center>
      ) : query.error ? (
        <ErrorAlert error={query.error} title="Could not look for duplicates" />
      ) : groups.length === 0 && scanning ? (
        <ScanProgress done={scanning.done} total={scanning.total} />
      ) : groups.length === 0 ? (
        <EmptyState icon={<IconCopyCheck size={28} />} title="No possible duplicates" description={`No two ${label.plural} look like the same one right now.`} />
      ) : (
        <>
          {scanning && <ScanProgress done={scanning.done} total={scanning.total} />}
          {groups.map((g) => {
            const ids = g.records.map((r) => r.id);
            return (
              <DuplicateGroupCard
                key={ids.join(',')}
                type={type}
                group={g}
                canWrite={canWrite}
                dismissing={dismiss.isPending && dismiss.variables?.join(',') === ids.join(',')}
                onDismiss={() => onDismiss(ids)}
                onMerge={() => navigate(`/${type}/merge?ids=${ids.join(',')}`)}
              />
            );
          })}
          {query.hasNextPage && (
            <Center>
              <Button variant="default" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
                Show more
              </Button>
            </Center>
          )}
        </>
      )}
    </Stack>
  );
}

/** Many records changed (a first look, a large import): the server looks through them in the background. */
function ScanProgress({ done, total }: { done: number; total: number }) {
  const shown = Math.min(done, total);
  return (
    <Card withBorder padding="md" data-testid="duplicates-scan">
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={500}>
          Looking for duplicates… {shown.toLocaleString()} of {total.toLocaleString()} records
        </Text>
        <Text size="sm" c="dimmed">
          The list fills in as it goes
        </Text>
      </Group>
      <Progress value={total ? (shown / total) * 100 : 0} animated size="md" aria-label="Looking for duplicates" />
    </Card>
  );
}
