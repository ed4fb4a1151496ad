/**
 * Checkpointed batch loops: keyset, list and CSV sources.
 *
 * <p>Internal to script-tracker: anything here may change or disappear in any release without
 * notice. Applications, integrations and the command line use {@code dev.scripttracker} only.
 */
package dev.scripttracker.internal.batch;
