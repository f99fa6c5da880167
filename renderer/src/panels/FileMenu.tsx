import {
  ChevronDown,
  FileDiff,
  FileInput,
  FileText,
  GitCompare,
  History,
  Save,
} from 'lucide-react';
import { useRef, useState } from 'react';
import type { RecentFile } from '../../../shared/ipc/contract';
import { canCompareWithRevision, compareWithFile, RevisionDialog } from '../diff';
import { useServices } from '../hooks/useServices';
import { ImportReportDialog, useTerraformImport } from '../import';
import { usePlanner, usePlannerStore } from '../store/context';
import { PopoverMenu } from './PopoverMenu';

const SAVE_AS_KEYS = navigator.userAgent.includes('Mac') ? '⇧⌘S' : 'Ctrl+Shift+S';

/**
 * The toolbar's File menu: Save As and the recent files (the list is read each time the menu
 * opens, so it includes what was just opened or saved). A {@link PopoverMenu}.
 */
export function FileMenu() {
  const { host, actions } = useServices();
  const hasDocument = usePlanner((s) => s.document !== null);
  const fileId = usePlanner((s) => s.file.fileId);
  const [askingRevision, setAskingRevision] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const store = usePlannerStore();
  const [recent, setRecent] = useState<readonly RecentFile[] | null>(null);
  const importer = useTerraformImport();
  return (
    <div className="file-menu">
      <button
        type="button"
        ref={menuButton}
        className="tool file-menu__button"
        popoverTarget="file-menu"
        aria-haspopup="menu"
        title="Save As, import and recent files"
      >
        File <ChevronDown size={14} aria-hidden />
      </button>
      <PopoverMenu
        id="file-menu"
        label="File"
        className="file-menu__popover"
        onOpen={() =>
          void host.listRecent().then((result) => setRecent(result.ok ? result.value : []))
        }
      >
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          disabled={!hasDocument}
          onClick={() => void actions.save(true)}
        >
          <Save size={14} aria-hidden /> Save As…
          <kbd className="file-menu__shortcut">{SAVE_AS_KEYS}</kbd>
        </button>
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          disabled={!hasDocument}
          onClick={() => void compareWithFile(host, store)}
        >
          <FileDiff size={14} aria-hidden /> Compare with…
        </button>
        {canCompareWithRevision(host, fileId) && (
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => setAskingRevision(true)}
          >
            <GitCompare size={14} aria-hidden /> Compare with git revision…
          </button>
        )}
        <div className="file-menu__heading" role="presentation">
          <FileInput size={13} aria-hidden /> Import
        </div>
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          disabled={importer.busy}
          onClick={importer.pick}
        >
          <FileInput size={14} aria-hidden /> {importer.busy ? 'Importing…' : 'Terraform JSON…'}
        </button>
        <div className="file-menu__heading" role="presentation">
          <History size={13} aria-hidden /> Recent
        </div>
        {recent?.length === 0 && <p className="file-menu__empty">No recent files</p>}
        {recent?.map((file) => (
          <button
            key={file.fileId}
            type="button"
            role="menuitem"
            className="menu-item"
            title={file.location}
            onClick={() => void actions.openRecent(file.fileId)}
          >
            <FileText size={14} aria-hidden />
            <span className="file-menu__name">{file.name}</span>
            <span className="file-menu__location">{file.location}</span>
          </button>
        ))}
      </PopoverMenu>
      <ImportReportDialog importer={importer} />
      {askingRevision && (
        <RevisionDialog
          onClose={() => {
            setAskingRevision(false);
            // Focus goes back where the command came from.
            menuButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
