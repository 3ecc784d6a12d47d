import { DesignView } from '../features/design-view/DesignView';
import { DesignList } from '../features/designs/DesignList';
import { Providers } from './Providers';
import { useRoute } from './use-route';

/** The app: providers around the page the URL names. */
export function App() {
  return (
    <Providers>
      <Page />
    </Providers>
  );
}

function Page() {
  const route = useRoute();
  switch (route.page) {
    case 'home':
      return <DesignList />;
    case 'design':
      // Keyed so that another design starts from a clean selection and canvas.
      return <DesignView key={route.designId} designId={route.designId} />;
    case 'not-found':
      return (
        <main className="home">
          <h1>Not found</h1>
          <p>
            There is no page here. <a href="/">Back to the designs</a>
          </p>
        </main>
      );
  }
}
