/** Bootstrap of the desktop app: wires the modules of electron/main together, nothing else. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { devServerUrl } from './dev-server';
import { registerFileHandlers } from './ipc/files';
import { registerRecoveryHandlers } from './ipc/recovery';
import { registerWindowHandlers } from './ipc/window';
import { installMenu } from './menu';
import { filesFromArgv, SystemFileOpener } from './open-files';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { installSecurity } from './security';
import { DocumentService } from './services/documents';
import { RecentFiles } from './services/recent-files';
import { RecoveryStore } from './services/recovery';
import { createMainWindow } from './window';

const PRODUCT_NAME = 'Nines';
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));

registerAppScheme();
app.setName(PRODUCT_NAME);
app.enableSandbox();
installSecurity();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const userData = app.getPath('userData');
  const documents = new DocumentService(new RecentFiles(path.join(userData, 'recent-files.json')));
  const recovery = new RecoveryStore(path.join(userData, 'recovery.nines.json'));
  const opener = new SystemFileOpener(documents);
  let mainWindow: BrowserWindow | null = null;

  const openWindow = (): void => {
    const win = createMainWindow(preloadPath);
    opener.attach(win);
    // The window closed on purpose (saved, discarded or clean): no copy to recover next time.
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
      // Best effort: a copy that cannot be deleted is only offered once more.
      recovery.clear().catch(() => undefined);
    });
    mainWindow = win;
  };

  opener.request(filesFromArgv(process.argv, process.cwd()));
  app.on('open-file', (event, file) => {
    event.preventDefault();
    opener.request([file]);
    if (app.isReady() && mainWindow === null) openWindow();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    opener.request(filesFromArgv(argv, workingDirectory));
    if (mainWindow === null) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  void app.whenReady().then(() => {
    handleAppProtocol(rendererRoot);
    registerFileHandlers(documents);
    registerWindowHandlers();
    registerRecoveryHandlers(recovery);
    installMenu({
      appName: PRODUCT_NAME,
      platform: process.platform,
      isDev: devServerUrl() !== undefined,
      showAbout: () =>
        void dialog.showMessageBox({
          title: `About ${PRODUCT_NAME}`,
          message: `${PRODUCT_NAME} ${app.getVersion()}`,
          detail: 'Offline planner for high-availability architectures.',
        }),
    });
    openWindow();
  });
}
