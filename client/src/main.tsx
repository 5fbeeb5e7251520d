import { StrictMode, Suspense, lazy } from "react";
import { createRoot } from "react-dom/client";
import { parseRoute } from "./routes";
import "./styles/base.css";

const HomePage = lazy(() => import("./pages/home/HomePage"));
const ParticipantPage = lazy(() => import("./pages/participant/ParticipantPage"));
const ScreenPage = lazy(() => import("./pages/screen/ScreenPage"));
const AdminPage = lazy(() => import("./pages/admin/AdminPage"));
const CardsPage = lazy(() => import("./pages/admin/CardsPage"));
const ReportPage = lazy(() => import("./pages/admin/ReportPage"));
const PaperBallotPrint = lazy(() => import("./pages/admin/PaperBallotPrint"));
const EditorPage = lazy(() => import("./pages/editor/EditorPage"));

function App() {
  const route = parseRoute(window.location.pathname);
  switch (route.page) {
    case "home": return <HomePage />;
    case "participant": return <ParticipantPage code={route.code} />;
    case "screen": return <ScreenPage code={route.code} />;
    case "admin": return <AdminPage code={route.code} />;
    case "cards": return <CardsPage code={route.code} />;
    case "report": return <ReportPage code={route.code} />;
    case "paper-ballot": return <PaperBallotPrint code={route.code} />;
    case "editor": return <EditorPage code={route.code} areaId={route.areaId} />;
    default:
      return (
        <main className="page narrow">
          <h1>Page not found</h1>
          <p><a href="/">Go to the start page</a></p>
        </main>
      );
  }
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
        <App />
      </Suspense>
    </StrictMode>,
  );
}
