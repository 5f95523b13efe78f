export * from './database-connection.js';
export * from './connection-from-app-binding.js';
export * from './database-commands.js';
export * from './database-command-error.js';
export * from './find-executable.js';
export * from './backup-database.js';
export * from './restore-database.js';
