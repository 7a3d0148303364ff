import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { Route } from './router';
import { useSession } from './session';

// Each page is its own chunk: a tab opens on one page and loads the others only when visited.
const OverviewPage = lazy(() => import('./pages/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const CommitteePage = lazy(() => import('./pages/CommitteePage').then((m) => ({ default: m.CommitteePage })));
const CasesPage = lazy(() => import('./pages/CasesPage').then((m) => ({ default: m.CasesPage })));
const CaseDetailPage = lazy(() =>
  import('./pages/CaseDetailPage').then((m) => ({ default: m.CaseDetailPage })),
);
const StatsPage = lazy(() => import('./pages/StatsPage').then((m) => ({ default: m.StatsPage })));
const AnnualReportPage = lazy(() =>
  import('./pages/AnnualReportPage').then((m) => ({ default: m.AnnualReportPage })),
);
const ConfigPage = lazy(() => import('./pages/ConfigPage').then((m) => ({ default: m.ConfigPage })));

function Page({ route }: { route: Route }) {
  const { t } = useSession();
  switch (route.name) {
    case 'overview':
      return <OverviewPage />;
    case 'board':
      return (
        <CommitteePage
          key={route.committeeId}
          committeeId={route.committeeId}
          view={route.view}
          measureId={route.measureId}
          query={route.query}
        />
      );
    case 'print':
      return (
        <CommitteePage
          key={`print-${route.committeeId}`}
          committeeId={route.committeeId}
          view="plan"
          printMode
        />
      );
    case 'cases':
      return <CasesPage />;
    case 'case':
      return <CaseDetailPage key={route.number} number={route.number} />;
    case 'stats':
      return <StatsPage />;
    case 'annualReport':
      return <AnnualReportPage />;
    case 'config':
      return <ConfigPage />;
    default:
      return <h1>{t.notFoundPage}</h1>;
  }
}

export function Pages({ route }: { route: Route }) {
  return (
    <Suspense fallback={<Spinner />}>
      <Page route={route} />
    </Suspense>
  );
}
