/** The `Files` navigation: the project's files as a tree, with add, rename (F2) and delete (Delete, after asking). */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { validateFileName } from '@/runtime/project/files';
import { useWorkbench } from '@/components/store/store-context';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { buildFileTree, type TreeNode } from './file-tree-model';
import { FileNameForm } from './file-name-form';
import './files.css';

type Mode = { kind: 'idle' } | { kind: 'adding' } | { kind: 'renaming'; path: string };

export function FileTree() {
  const { files, open } = useWorkbench(useShallow((s) => ({ files: s.workspace?.files ?? null, open: s.workspace?.open ?? null })));
  const { openFile, addFile, renameFile, deleteFile } = useWorkbench(
    useShallow((s) => ({ openFile: s.openFile, addFile: s.addFile, renameFile: s.renameFile, deleteFile: s.deleteFile })),
  );
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [deleting, setDeleting] = useState<string | null>(null);
  const tree = useMemo(() => buildFileTree(files ? Object.keys(files) : []), [files]);
  const errorFiles = useWorkbench(useShallow((s) => [...new Set(s.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))]));

  const newFileRef = useRef<HTMLButtonElement>(null);

  const focusFile = (path: string) => {
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-file-path="${CSS.escape(path)}"]`)?.focus());
  };

  /** Where focus goes once `path` is deleted: the file after it in the tree (else before), else New file. */
  const focusAfterDelete = (path: string) => {
    const items = [...document.querySelectorAll<HTMLElement>('.files [data-file-path]')].map((el) => el.dataset.filePath ?? '');
    const index = items.indexOf(path);
    const next = items[index + 1] ?? items[index - 1];
    if (next && next !== path) focusFile(next);
    else requestAnimationFrame(() => newFileRef.current?.focus());
  };

  const onFileKey = (event: KeyboardEvent<HTMLButtonElement>, path: string) => {
    if (event.key === 'F2') {
      event.preventDefault();
      setMode({ kind: 'renaming', path });
    } else if (event.key === 'Delete') {
      event.preventDefault();
      setDeleting(path);
    }
  };

  const renderNodes = (nodes: TreeNode[]) => (
    <ul className="file-list">
      {nodes.map((node) =>
        node.kind === 'folder' ? (
          <li key={node.path} className="file-folder">
            <span className="file-folder-name"><span aria-hidden="true">▾ </span>{node.name}/</span>
            {renderNodes(node.children)}
          </li>
        ) : (
          <li key={node.path}>
            {mode.kind === 'renaming' && mode.path === node.path && files ? (
              <FileNameForm
                label={`Rename ${node.path} to`}
                initial={node.path}
                submitLabel="Rename"
                validate={(name) => {
                  if (name === node.path) return null;
                  const others = { ...files };
                  delete others[node.path];
                  return validateFileName(name, others);
                }}
                onSubmit={(name) => {
                  if (name !== node.path) renameFile(node.path, name);
                  setMode({ kind: 'idle' });
                  focusFile(name);
                }}
                onCancel={() => {
                  setMode({ kind: 'idle' });
                  focusFile(node.path);
                }}
              />
            ) : (
              <button
                type="button"
                className="file-item"
                data-file-path={node.path}
                aria-current={node.path === open ? 'true' : undefined}
                aria-keyshortcuts="F2 Delete"
                title={`${node.path} (F2 renames, Delete deletes)`}
                onClick={() => openFile(node.path)}
                onKeyDown={(event) => onFileKey(event, node.path)}
              >
                <span className="file-name">{node.name}</span>
                {errorFiles.includes(node.path) && <span className="file-badge" aria-label="has errors">●</span>}
              </button>
            )}
          </li>
        ),
      )}
    </ul>
  );

  return (
    <nav id="files" aria-label="Files" className="files panel">
      <div className="panel-header">
        <h2 className="panel-title" aria-hidden="true">Files</h2>
        <div className="toolbar" role="toolbar" aria-label="File actions">
          <button ref={newFileRef} type="button" className="button button-small" title="New file"
            disabled={!files} onClick={() => setMode({ kind: 'adding' })}>
            <span className="button-icon" aria-hidden="true">+</span><span className="button-label">New file</span>
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            title="Rename the open file (F2)"
            disabled={!open}
            onClick={() => open && setMode({ kind: 'renaming', path: open })}
          >
            <span className="button-icon" aria-hidden="true">✎</span><span className="button-label">Rename</span>
          </button>
          <button type="button" className="button button-small button-quiet" title="Delete the open file (Delete)"
            disabled={!open} onClick={() => open && setDeleting(open)}>
            <span className="button-icon" aria-hidden="true">−</span><span className="button-label">Delete</span>
          </button>
        </div>
      </div>
      {!files && <p className="muted panel-pad">Loading…</p>}
      {files && renderNodes(tree)}
      {mode.kind === 'adding' && files && (
        <FileNameForm
          label="New file name"
          initial=""
          submitLabel="Add"
          validate={(name) => validateFileName(name, files)}
          onSubmit={(name) => {
            addFile(name);
            setMode({ kind: 'idle' });
            focusFile(name);
          }}
          onCancel={() => {
            setMode({ kind: 'idle' });
            requestAnimationFrame(() => newFileRef.current?.focus());
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting ?? ''}?`}
        confirmLabel="Delete"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) {
            focusAfterDelete(deleting);
            deleteFile(deleting);
          }
          setDeleting(null);
        }}
      >
        <p>The file is removed from the project and the project redeploys without it.</p>
      </ConfirmDialog>
    </nav>
  );
}
