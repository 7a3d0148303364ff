import { BoardPage } from './pages/BoardPage';
import { CaseDetailPage } from './pages/CaseDetailPage';
import { CasesPage } from './pages/CasesPage';
import { ConfigPage } from './pages/ConfigPage';
import { OverviewPage } from './pages/OverviewPage';
import { PrintPage } from './pages/PrintPage';
import { StatsPage } from './pages/StatsPage';
import type { Route } from './router';
import { useSession } from './session';

export function Pages({ route }: { route: Route }) {
  const { t } = useSession();
  switch (route.name) {
    case 'overview':
      return <OverviewPage />;
    case 'board':
      return <BoardPage key={route.committeeId} committeeId={route.committeeId} />;
    case 'print':
      return <PrintPage key={route.committeeId} committeeId={route.committeeId} />;
    case 'cases':
      return <CasesPage />;
    case 'case':
      return <CaseDetailPage key={route.number} number={route.number} />;
    case 'stats':
      return <StatsPage />;
    case 'config':
      return <ConfigPage />;
    default:
      return <h1>{t.notFoundPage}</h1>;
  }
}
