/** A table in the Resources region: its items (key attributes, then the rest as JSON) with Edit and Delete, and a Put item form. */
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { CodeField } from '@/components/ui/code-field';
import type { TableView } from '@/runtime/services/types';
import { cappedNote, clipTitle, itemKeyLabel, otherAttributes, plural } from './resource-format';
import { ItemEditor } from './item-editor';
import { useFocusAfterRemoval } from './use-focus-after-removal';

export function TableCard({ table }: { table: TableView }) {
  const { putItem, deleteItem } = useWorkbench(useShallow((s) => ({ putItem: s.putItem, deleteItem: s.deleteItem })));
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const [draft, setDraft] = useState('');
  const [putError, setPutError] = useState<string | null>(null);
  const errorId = useId();
  const { listRef, fallbackRef, removing } = useFocusAfterRemoval<HTMLDivElement, HTMLHeadingElement>(table.items.length);
  const { hashKey, rangeKey } = table;
  const label = `table: ${table.name}`;
  const capped = cappedNote(table.items.length, table.itemCount);
  const keyHint = rangeKey ? `${hashKey} and ${rangeKey}` : hashKey;

  return (
    <div ref={listRef} role="group" aria-label={label} className="resource-card">
      <div className="resource-head">
        <h4 ref={fallbackRef} tabIndex={-1} className="resource-title">{label}</h4>
        <span className="muted small">
          {plural(table.itemCount, 'item')} · key {keyHint}{table.streamViewType ? ` · stream ${table.streamViewType}` : ''}
        </span>
      </div>
      {table.items.length === 0 ? (
        <p className="muted small">No items yet. Put one below, or PutItem from a function.</p>
      ) : (
        <div className="resource-scroll">
          <table className="resource-table">
            <caption className="sr-only">Items in {table.name}</caption>
            <thead>
              <tr>
                <th scope="col">{hashKey}</th>
                {rangeKey && <th scope="col">{rangeKey}</th>}
                <th scope="col">Attributes</th>
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {table.items.map((item) => {
                const name = itemKeyLabel(item, hashKey, rangeKey);
                const rest = otherAttributes(item, hashKey, rangeKey);
                return (
                  <tr key={name}>
                    <th scope="row" className="mono resource-item-key">{JSON.stringify(item[hashKey])}</th>
                    {rangeKey && <td className="mono resource-item-key" data-label={rangeKey}>{JSON.stringify(item[rangeKey])}</td>}
                    <td className="mono resource-body">
                      <span className="resource-clamp" title={clipTitle(rest)}>{rest}</span>
                    </td>
                    <td className="resource-actions">
                      <button type="button" className="button button-small" aria-label={`Edit item ${name}`} onClick={() => setEditing(item)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        data-action="delete"
                        aria-label={`Delete item ${name}`}
                        onClick={(event) => {
                          removing(event.currentTarget);
                          void deleteItem(table.name, item);
                        }}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {capped && <p className="muted small">{capped}</p>}
      <form
        className="resource-put"
        onSubmit={async (event) => {
          event.preventDefault();
          const problem = await putItem(table.name, draft);
          setPutError(problem);
          if (!problem) setDraft('');
        }}
      >
        <CodeField
          label="New item"
          value={draft}
          rows={3}
          placeholder={`{ "${hashKey}": "…"${rangeKey ? `, "${rangeKey}": …` : ''} }`}
          aria-invalid={putError ? true : undefined}
          aria-describedby={putError ? errorId : undefined}
          onChange={setDraft}
        />
        {putError && <p id={errorId} role="alert" className="result-error-line">{putError}</p>}
        <div className="form-actions">
          <button type="submit" className="button button-small" aria-label={`Put item in ${table.name}`}>Put item</button>
        </div>
      </form>
      <ItemEditor
        item={editing}
        title={editing ? `Edit ${itemKeyLabel(editing, hashKey, rangeKey)} in ${table.name}` : ''}
        onSave={(text) => putItem(table.name, text)}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
