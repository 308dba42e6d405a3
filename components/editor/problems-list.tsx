/** The deploy's errors and warnings under the editor; choosing one opens its file (Monaco shows the marker). */
import { useWorkbench } from '@/components/store/store-context';
import { formatDiagnostic } from '@/components/top-bar/deployment-label';

export function ProblemsList() {
  const diagnostics = useWorkbench((s) => s.diagnostics);
  const openFile = useWorkbench((s) => s.openFile);
  if (diagnostics.length === 0) return null;
  return (
    <div className="problems">
      <h3 className="sr-only">Problems</h3>
      <ul>
        {diagnostics.map((d, i) => (
          <li key={i}>
            <button type="button" className={`problem problem-${d.severity}`} onClick={() => openFile(d.file)}>
              <span className="problem-severity">{d.severity}</span> {formatDiagnostic(d)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
