import { Badge, Button, Center, Group, Loader, Select, SegmentedControl, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Filter } from '../../../contract/filter';
import { useCan, useCurrentSession } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { usePipelines } from '../pipelines/use-pipelines';
import { useFields } from '../records/use-fields';
import { useMembers } from '../settings/use-members';
import { FilterBuilder } from '../views/filter-builder';
import { DealBoard } from './deal-board';
import { DealsViewSwitch } from './deals-view-switch';
import { NewDealModal } from './new-deal-modal';
import { type BoardParams, useBoard } from './use-board';

const PAGE = 25;
const MAX = 200;

function parseFilter(text: string | null): Filter | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Filter;
  } catch {
    return null;
  }
}

/**
 * The kanban board of one pipeline. Pipeline, owner and filter live in the address so a board
 * can be shared; "mine" is the signed-in person, "everyone" needs the right to see all deals.
 */
export function DealsBoardPage() {
  const [params, setParams] = useSearchParams();
  const session = useCurrentSession();
  const seesAll = useCan('deals:all');
  const canWrite = useCan('records:write');
  const pipelines = usePipelines();
  const members = useMembers();
  const fields = useFields('deals');
  const [limit, setLimit] = useState(PAGE);
  const [creating, setCreating] = useState(false);
  useDocumentTitle('Deal board · Rapport');

  const list = pipelines.data ?? [];
  const pipeline = list.find((p) => p.id === params.get('pipeline')) ?? list.find((p) => p.isDefault) ?? list[0];
  const owner = params.get('owner') ?? 'everyone';
  const ownerId = !seesAll || owner === 'mine' ? session.user.id : owner === 'everyone' ? null : owner;
  const filterText = params.get('filter');
  const filter = useMemo(() => parseFilter(filterText), [filterText]);
  const boardParams: BoardParams | null = pipeline ? { pipelineId: pipeline.id, ownerId, filter, limit } : null;
  const board = useBoard(boardParams);
  const set = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });
  const memberName = (id: string) => members.byId.get(id)?.name;
  const others = members.options.filter((o) => o.value !== session.user.id);
  const ownerMode = owner === 'mine' || owner === 'everyone' ? owner : 'member';

  const error = pipelines.error ?? board.error;
  return (
    <div>
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap="xs">
          <Title order={1} size="h3">
            Deals
          </Title>
          <DealsViewSwitch />
        </Group>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} aria-label="New deal">
            New<span className="hide-on-phone">&nbsp;deal</span>
          </Button>
        )}
      </Group>
      <Group gap="xs" mb="sm" wrap="wrap">
        {list.length > 1 && (
          <Select
            aria-label="Pipeline"
            data={list.map((p) => ({ value: p.id, label: p.name }))}
            value={pipeline?.id ?? null}
            onChange={(v) => v && set('pipeline', v)}
            allowDeselect={false}
            w={200}
          />
        )}
        {list.length === 1 && pipeline && (
          <Badge variant="light" color="gray" size="lg" style={{ textTransform: 'none' }}>
            {pipeline.name}
          </Badge>
        )}
        {seesAll && (
          <>
            <SegmentedControl
              aria-label="Whose deals"
              value={ownerMode}
              onChange={(v) => set('owner', v === 'member' ? (others[0]?.value ?? 'everyone') : v === 'everyone' ? null : v)}
              data={[
                { value: 'mine', label: 'Mine' },
                { value: 'everyone', label: 'Everyone' },
                ...(others.length ? [{ value: 'member', label: 'A member' }] : []),
              ]}
            />
            {ownerMode === 'member' && <Select aria-label="Member" data={others} value={owner} onChange={(v) => v && set('owner', v)} allowDeselect={false} searchable w={200} />}
          </>
        )}
        <FilterBuilder filter={filter} fields={(fields.data ?? []).filter((f) => f.key !== 'deletedAt')} onApply={(f) => set('filter', f ? JSON.stringify(f) : null)} />
      </Group>
      {error ? (
        <ErrorAlert error={error} title="Could not load the board">
          {filter && (
            <Button mt={8} size="xs" variant="white" color="red" onClick={() => set('filter', null)}>
              Clear the filter
            </Button>
          )}
        </ErrorAlert>
      ) : !board.data || !boardParams ? (
        <Center py={80}>
          <Loader aria-label="Loading the board" />
        </Center>
      ) : board.data.columns.every((c) => c.count === 0) && !filter && (ownerMode === 'everyone' || !seesAll) ? (
        <EmptyState
          title="No deals in this pipeline yet"
          description={
            <>
              Add a deal, or <Link to="/leads">convert a lead</Link>; it lands in the first stage, {board.data.pipeline.stages[0]?.name}.
            </>
          }
          action={canWrite && <Button onClick={() => setCreating(true)}>New deal</Button>}
          icon={<IconPlus size={28} />}
        />
      ) : (
        <>
          {board.data.columns.every((c) => c.count === 0) && (
            <Text size="sm" c="dimmed" mb="xs">
              No deals match. Change the filter or the owner.
            </Text>
          )}
          <DealBoard
            board={board.data}
            params={boardParams}
            memberName={memberName}
            canMove={canWrite}
            onMore={limit < MAX ? () => setLimit((n) => Math.min(MAX, n + PAGE * 2)) : () => undefined}
          />
        </>
      )}
      {creating && <NewDealModal opened onClose={() => setCreating(false)} pipelineId={pipeline?.id} />}
    </div>
  );
}
