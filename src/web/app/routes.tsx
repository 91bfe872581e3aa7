import { lazy } from 'react';
import { Navigate, createBrowserRouter } from 'react-router-dom';
import { AcceptInvitationPage } from '../features/auth/accept-invitation-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { CompaniesListPage } from '../features/companies/companies-list-page';
import { CompanyPage } from '../features/companies/company-page';
import { ContactPage } from '../features/contacts/contact-page';
import { ContactsListPage } from '../features/contacts/contacts-list-page';
import { DealPage } from '../features/deals/deal-page';
import { DealsBoardPage } from '../features/deals/deals-board-page';
import { DealsListPage } from '../features/deals/deals-list-page';
import { LeadPage } from '../features/leads/lead-page';
import { LeadsListPage } from '../features/leads/leads-list-page';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';
import { RouteError } from './route-error';
import { Shell } from './shell';

const ImportsPage = lazy(() => import('../features/imports/imports-page').then((m) => ({ default: m.ImportsPage })));
const NewImportPage = lazy(() => import('../features/imports/new-import-page').then((m) => ({ default: m.NewImportPage })));
const ImportPage = lazy(() => import('../features/imports/import-page').then((m) => ({ default: m.ImportPage })));
const DuplicatesPage = lazy(() => import('../features/duplicates/duplicates-page').then((m) => ({ default: m.DuplicatesPage })));
const MergePage = lazy(() => import('../features/duplicates/merge-page').then((m) => ({ default: m.MergePage })));
const TasksPage = lazy(() => import('../features/tasks/tasks-page').then((m) => ({ default: m.TasksPage })));
const QuotesListPage = lazy(() => import('../features/quotes/quotes-list-page').then((m) => ({ default: m.QuotesListPage })));
const QuotePage = lazy(() => import('../features/quotes/quote-page').then((m) => ({ default: m.QuotePage })));
const InvoicesListPage = lazy(() => import('../features/invoices/invoices-list-page').then((m) => ({ default: m.InvoicesListPage })));
const InvoicePage = lazy(() => import('../features/invoices/invoice-page').then((m) => ({ default: m.InvoicePage })));
const ForecastPage = lazy(() => import('../features/forecast/forecast-page').then((m) => ({ default: m.ForecastPage })));
const CommissionsPage = lazy(() => import('../features/commissions/commission-statements-page').then((m) => ({ default: m.CommissionStatementsPage })));
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
      { path: 'contacts/duplicates', element: <DuplicatesPage key="contacts" type="contacts" /> },
      { path: 'contacts/merge', element: <MergePage key="contacts" type="contacts" /> },
      { path: 'contacts/:id', element: <ContactPage /> },
      { path: 'companies', element: <CompaniesListPage /> },
      { path: 'companies/duplicates', element: <DuplicatesPage key="companies" type="companies" /> },
      { path: 'companies/merge', element: <MergePage key="companies" type="companies" /> },
      { path: 'companies/:id', element: <CompanyPage /> },
      { path: 'leads', element: <LeadsListPage /> },
      { path: 'leads/:id', element: <LeadPage /> },
      { path: 'deals', element: <DealsListPage /> },
      { path: 'deals/board', element: <DealsBoardPage /> },
      { path: 'deals/:id', element: <DealPage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: 'imports/new', element: <NewImportPage /> },
      { path: 'imports/:id', element: <ImportPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'quotes', element: <QuotesListPage /> },
      { path: 'quotes/:id', element: <QuotePage /> },
      { path: 'invoices', element: <InvoicesListPage /> },
      { path: 'invoices/:id', element: <InvoicePage /> },
      { path: 'forecast', element: <ForecastPage /> },
      { path: 'commissions', element: <CommissionsPage /> },
      { path: 'settings', element: <Navigate to="/settings/workspace" replace /> },
      { path: 'settings/:tab', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
