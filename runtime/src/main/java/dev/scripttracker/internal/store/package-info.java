/**
 * The store: the state and history tables, their schema, and the SPI that each database family
 * implements ({@link dev.scripttracker.internal.store.Dialect}, {@link dev.scripttracker.internal.store.ScriptLock}),
 * with {@link dev.scripttracker.internal.store.Dialects} the one place that picks a family.
 *
 * <p>Internal: not part of script-tracker's API. It may change at any time without notice; use
 * {@code dev.scripttracker} instead.
 */
package dev.scripttracker.internal.store;
