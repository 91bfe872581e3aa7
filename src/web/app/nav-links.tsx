import { Kbd, NavLink, Stack, Text } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconAddressBook, IconBuilding, IconFileImport, IconSearch, IconSettings } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';
import { modKey } from '../lib/format';

const LINKS = [
  { to: '/contacts', label: 'Contacts', icon: IconAddressBook },
  { to: '/companies', label: 'Companies', icon: IconBuilding },
  { to: '/imports', label: 'Imports', icon: IconFileImport },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

export function NavLinks() {
  const { pathname } = useLocation();
  return (
    <Stack gap={4} h="100%">
      {LINKS.map(({ to, label, icon: Icon }) => (
        <NavLink
          key={to}
          component={Link}
          to={to}
          label={label}
          leftSection={<Icon size={18} stroke={1.6} />}
          active={pathname === to || pathname.startsWith(`${to}/`)}
          variant="light"
          style={{ borderRadius: 8 }}
        />
      ))}
      <NavLink
        component="button"
        label="Search"
        leftSection={<IconSearch size={18} stroke={1.6} />}
        rightSection={
          <Text component="span" visibleFrom="sm" size="xs" style={{ whiteSpace: 'nowrap' }}>
            <Kbd size="xs">{modKey}</Kbd> <Kbd size="xs">K</Kbd>
          </Text>
        }
        onClick={() => spotlight.open()}
        style={{ borderRadius: 8, marginTop: 'auto' }}
      />
    </Stack>
  );
}
