import { Button } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { RecordType } from '../../../contract/custom-fields';

/** The list toolbar's way to the possible duplicates (contacts and companies only). */
export function DuplicatesButton({ type }: { type: RecordType }) {
  if (type !== 'contacts' && type !== 'companies') return null;
  return (
    <Button variant="subtle" color="gray" component={Link} to={`/${type}/duplicates`} leftSection={<IconCopy size={16} />} visibleFrom="sm">
      Duplicates
    </Button>
  );
}
