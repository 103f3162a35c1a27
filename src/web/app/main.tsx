/*
 * Vinh Danh web client entry.
 *
 * Stable `data-testid`s for end-to-end tests (keep them when refactoring):
 *   login-username, login-password, login-submit   — login form (/dang-nhap)
 *   org-tree                                       — the organisation tree (/to-chuc)
 *   member-search                                  — search box of the member list (/doan-vien)
 *   member-table                                   — the member list (a table, or a card list on phones)
 *   member-row                                     — one member in that list (row or card)
 *   export-button                                  — "Xuất Excel" of the current filters
 *   import-file-input                              — the <input type="file"> of the import (/nhap-du-lieu)
 *   import-upload                                  — "upload and check" button
 *   import-errors                                  — the table of validation errors of a rejected file
 *   import-commit                                  — "Xác nhận nhập" button
 *   import-done                                    — success message once the import is committed
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from '@tanstack/react-router';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { UNAUTHENTICATED_EVENT } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { AppProviders } from './providers';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// A request answered 401 means the session ended (expired, or signed out in another tab):
// forget the user and ask them to sign in again, coming back to where they were.
window.addEventListener(UNAUTHENTICATED_EVENT, () => {
  if (queryClient.getQueryData(queryKeys.me) === null) return;
  queryClient.setQueryData(queryKeys.me, null);
  const here = router.state.location.href;
  void router.navigate({ to: '/dang-nhap', search: { redirect: here } });
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
