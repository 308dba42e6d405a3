/** "Reset to example", after asking: it discards the workspace's files and saved test events. */
import { useState } from 'react';
import { useWorkbench } from '@/components/store/store-context';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export function ResetButton() {
  const [asking, setAsking] = useState(false);
  const resetToExample = useWorkbench((s) => s.resetToExample);
  const disabled = useWorkbench((s) => s.workspace === null);
  return (
    <>
      <button type="button" className="button button-quiet" disabled={disabled} onClick={() => setAsking(true)}>
        Reset to example
      </button>
      <ConfirmDialog
        open={asking}
        title="Reset to the example?"
        confirmLabel="Discard and reset"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          resetToExample();
        }}
      >
        <p>Your files and saved test events in this workspace will be replaced by the example project. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
