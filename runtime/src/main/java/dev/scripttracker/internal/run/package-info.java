/**
 * The engine: running one script from its lock to its recorded outcome, and runs of several.
 *
 * <p>Internal to script-tracker: anything here may change or disappear in any release without
 * notice. Applications, integrations and the command line use {@code dev.scripttracker} only.
 */
package dev.scripttracker.internal.run;
