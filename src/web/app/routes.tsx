import { lazy } from 'react';
import { Navigate, createBrowserRouter } from 'react-router-dom';
import { AcceptInvitationPage } from '../features/auth/accept-invitation-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { CompaniesListPage } from '../features/companies/companies-list-page';
import { CompanyPage } from '../features/companies/company-page';
import { ContactPage } from '../features/contacts/contact-page';
import { ContactsListPage } from '../features/contacts/contacts-list-page';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';
import { RouteError } from './route-error';
import { Shell } from './shell';

const ImportsPage = lazy(() => import('../features/imports/imports-page').then((m) => ({ default: m.ImportsPage })));
const NewImportPage = lazy(() => import('../features/imports/new-import-page').then((m) => ({ default: m.NewImportPage })));
const ImportPage = lazy(() => import('../features/imports/import-page').then((m) => ({ default: m.ImportPage })));
const SettingsPage = lazy(() => import('../features/settings/settings-page').then((m) => ({ default: m.SettingsPage })));

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  { path: '/sign-up', element: <SignUpPage />, errorElement: <RouteError /> },
  { path: '/accept-invitation', element: <AcceptInvitationPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/contacts" replace /> },
      { path: 'contacts', element: <ContactsListPage /> },
      { path: 'contacts/:id', element: <ContactPage /> },
      { path: 'companies', element: <CompaniesListPage /> },
      { path: 'companies/:id', element: <CompanyPage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: 'imports/new', element: <NewImportPage /> },
      { path: 'imports/:id', element: <ImportPage /> },
      { path: 'settings', element: <Navigate to="/settings/workspace" replace /> },
      { path: 'settings/:tab', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
