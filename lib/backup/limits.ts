// How large a group's backup file may be: for the import route and for the page that refuses a
// larger file before sending it. Quoted figures travel inside the file, so it is sized for them.
export const BACKUP_MAX_BYTES = 100_000_000;
export const BACKUP_MAX_MB = BACKUP_MAX_BYTES / 1_000_000;
