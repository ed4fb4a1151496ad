/**
 * H2, the embedded default: its dialect, with the store's lease-row lock (H2 has no session-bound locks).
 *
 * <p>Internal: not part of script-tracker's API. It may change at any time without notice.
 */
package dev.scripttracker.internal.store.h2;
