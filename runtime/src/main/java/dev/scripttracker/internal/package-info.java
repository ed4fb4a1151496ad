/**
 * Helpers shared by the engine's packages (JDBC URLs, the operator's name, embedded H2).
 *
 * <p>Internal to script-tracker: anything here may change or disappear in any release without
 * notice. Applications, integrations and the command line use {@code dev.scripttracker} only.
 */
package dev.scripttracker.internal;
