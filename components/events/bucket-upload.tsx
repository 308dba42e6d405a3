/** A bucket's `Key` box and `File` input: choosing a file uploads it at once (dropping one on the group does the same). */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { keyText } from '@/components/store/events-slice';
import type { ResourceSourceInfo } from '@/runtime/sources/types';

export function BucketUpload({ source }: { source: ResourceSourceInfo }) {
  const key = useWorkbench((s) => keyText(s, source));
  const { setKey, uploadFile } = useWorkbench(useShallow((s) => ({ setKey: s.setKey, uploadFile: s.uploadFile })));
  const hintId = useId();
  return (
    <div className="bucket-upload">
      <label className="field">
        <span className="field-label">Key</span>
        <input
          className="input mono"
          value={key}
          placeholder="Empty uses the file's name"
          spellCheck={false}
          aria-describedby={hintId}
          onChange={(e) => setKey(source.id, e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">File</span>
        <input
          type="file"
          className="input file-input"
          aria-describedby={hintId}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // choosing the same file again uploads it again
            if (file) void uploadFile(source.id, file);
          }}
        />
      </label>
      <p id={hintId} className="muted small">
        Choosing or dropping a file uploads it at once, at Key (at the file's own name when Key is empty).
      </p>
    </div>
  );
}
