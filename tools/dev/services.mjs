// The services npm start runs, with their ports and databases.
export const SERVICES = [
  { name: 'gateway', port: 3000, database: 'icims-sync' },
  { name: 'credentials-vault', port: 3001, database: 'icims-sync-vault' },
  { name: 'icims-ingest', port: 3002, database: 'icims-sync' },
  { name: 'hr-export', port: 3003, database: 'icims-sync' },
  { name: 'scheduler', port: 3004, database: 'icims-sync' },
];

/** MONGO_URL with the database path set, keeping any query string. */
export function withDatabase(mongoUrl, database) {
  const url = new URL(mongoUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
