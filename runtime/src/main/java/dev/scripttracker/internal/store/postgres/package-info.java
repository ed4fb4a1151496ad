/**
 * PostgreSQL: its dialect, its session advisory lock, and the statements that save a round trip there.
 *
 * <p>Internal: not part of script-tracker's API. It may change at any time without notice.
 */
package dev.scripttracker.internal.store.postgres;
