import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

// n8n-core writes its instance settings (an encryption key) into the user folder on first use: keep it out of $HOME.
process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'n8n-releval-test-'));

// n8n 2.x's default, set for 1.x too (there it is off and n8n logs a warning about the file's permissions).
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'true';
