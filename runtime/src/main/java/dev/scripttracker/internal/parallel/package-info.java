/**
 * Parallel batch loops: a loop's items cut into chunks recorded in the store, shared by workers of
 * this process and of any other process running the same script.
 *
 * <p>Internal to script-tracker: anything here may change or disappear in any release without
 * notice. Applications, integrations and the command line use {@code dev.scripttracker} only.
 */
package dev.scripttracker.internal.parallel;
