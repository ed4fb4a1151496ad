/**
 * MySQL and MariaDB: the MySQL dialect, MariaDB's subclass of it, and their {@code GET_LOCK} lock.
 *
 * <p>Internal: not part of script-tracker's API. It may change at any time without notice.
 */
package dev.scripttracker.internal.store.mysql;
