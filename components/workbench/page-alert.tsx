/** The page-level alert (e.g. a `#project=` link that does not decode); dismissible, the user's work untouched. */
import { useWorkbench } from '@/components/store/store-context';

export function PageAlert() {
  const alert = useWorkbench((s) => s.alert);
  const setAlert = useWorkbench((s) => s.setAlert);
  if (!alert) return null;
  return (
    <div className="page-alert" role="alert">
      <span>{alert}</span>
      <button type="button" className="button button-small button-quiet" onClick={() => setAlert(null)}>Dismiss</button>
    </div>
  );
}
