import { SegmentedControl } from '@mantine/core';
import { IconLayoutKanban, IconList } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router-dom';

/** List or board: two views of the same deals, each with its own address. */
export function DealsViewSwitch() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const board = pathname.startsWith('/deals/board');
  return (
    <SegmentedControl
      size="xs"
      aria-label="Show deals as"
      value={board ? 'board' : 'list'}
      onChange={(v) => navigate(v === 'board' ? '/deals/board' : '/deals')}
      data={[
        { value: 'list', label: <Label icon={<IconList size={14} />} text="List" /> },
        { value: 'board', label: <Label icon={<IconLayoutKanban size={14} />} text="Board" /> },
      ]}
    />
  );
}

const Label = ({ icon, text }: { icon: React.ReactNode; text: string }) => (
  <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
    {icon}
    {text}
  </span>
);
