import { Kbd, NavLink, Stack, Text } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconAddressBook, IconBuilding, IconCoin, IconTargetArrow, IconChecklist, IconFileImport, IconFileDollar, IconReceipt, IconChartBar, IconSearch, IconSettings } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';
import { modKey } from '../lib/format';

const LINKS = [
  { to: '/contacts', label: 'Contacts', icon: IconAddressBook },
  { to: '/companies', label: 'Companies', icon: IconBuilding },
  { to: '/leads', label: 'Leads', icon: IconTargetArrow },
  { to: '/deals', label: 'Deals', icon: IconCoin },
  { to: '/tasks', label: 'Tasks', icon: IconChecklist },
  { to: '/imports', label: 'Imports', icon: IconFileImport },
  { to: '/quotes', label: 'Quotes', icon: IconFileDollar },
  { to: '/invoices', label: 'Invoices', icon: IconReceipt },
  { to: '/forecast', label: 'Forecast', icon: IconChartBar },
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
