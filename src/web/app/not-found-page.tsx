import { Button } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../components/empty-state';

export function NotFoundPage() {
  return (
    <EmptyState
      icon={<IconMapSearch size={28} />}
      title="Nothing here"
      description="This page does not exist, or the link is out of date."
      action={
        <Button component={Link} to="/contacts">
          Go to contacts
        </Button>
      }
    />
  );
}
