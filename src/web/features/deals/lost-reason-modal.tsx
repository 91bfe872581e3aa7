import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PendingMove } from './deal-board';

type Props = { move: PendingMove; onCancel: () => void; onConfirm: (reason: string | null) => void };

/** Moving a deal into a lost stage asks why, so the reason is kept with the deal. */
export function LostReasonModal({ move, onCancel, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onCancel} title={`Move ${move.deal.name} to ${move.stageName}`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(reason.trim() || null);
        }}
      >
        <Stack>
          <Text size="sm">Why was this deal lost? The reason stays on the deal and shows in reports.</Text>
          <TextInput label="Lost reason" placeholder="Chose a competitor, no budget…" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" color="red">
              Mark as lost
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
