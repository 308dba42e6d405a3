/** A bucket in the Resources region: its objects (key and type, size, last modified) with Download and Delete. */
import { useWorkbench } from '@/components/store/store-context';
import type { BucketView } from '@/runtime/services/types';
import { cappedNote, formatBytes, formatTime, plural } from './resource-format';
import { downloadObject } from './download-object';
import { useFocusAfterRemoval } from './use-focus-after-removal';

export function BucketCard({ bucket, now }: { bucket: BucketView; now: number | null }) {
  const platform = useWorkbench((s) => s.platform);
  const deleteObject = useWorkbench((s) => s.deleteObject);
  const { listRef, fallbackRef, removing } = useFocusAfterRemoval<HTMLDivElement, HTMLHeadingElement>(bucket.objects.length);
  const capped = cappedNote(bucket.objects.length, bucket.objectCount);
  const label = `bucket: ${bucket.name}`;
  return (
    <div ref={listRef} role="group" aria-label={label} className="resource-card">
      <div className="resource-head">
        <h4 ref={fallbackRef} tabIndex={-1} className="resource-title">{label}</h4>
        <span className="muted small">{plural(bucket.objectCount, 'object')} · {formatBytes(bucket.totalBytes)}</span>
      </div>
      {bucket.objects.length === 0 ? (
        <p className="muted small">Empty. Upload a file from its group in Events, or PutObject from a function.</p>
      ) : (
        <div className="resource-scroll">
          <table className="resource-table">
            <caption className="sr-only">Objects in {bucket.name}</caption>
            <thead>
              <tr><th scope="col">Key</th><th scope="col">Size</th><th scope="col">Last modified</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {bucket.objects.map((o) => (
                <tr key={o.key}>
                  <th scope="row" className="resource-key">
                    <span className="mono">{o.key}</span>
                    <span className="resource-sub muted small mono">{o.contentType}</span>
                  </th>
                  <td className="num" data-label="Size">{formatBytes(o.size)}</td>
                  <td className="resource-time" data-label="Last modified">{formatTime(o.lastModified, now)}</td>
                  <td className="resource-actions">
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Download ${o.key}`}
                      onClick={() => {
                        const stored = platform?.data.getObject(bucket.name, o.key);
                        if (stored) downloadObject(stored);
                      }}
                    >
                      Download
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      data-action="delete"
                      aria-label={`Delete ${o.key}`}
                      onClick={(event) => {
                        removing(event.currentTarget);
                        void deleteObject(bucket.name, o.key);
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {capped && <p className="muted small">{capped}</p>}
    </div>
  );
}
