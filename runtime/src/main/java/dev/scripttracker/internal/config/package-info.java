/**
 * Settings from flags, environment variables, system properties and script-tracker.properties.
 *
 * <p>Internal to script-tracker: anything here may change or disappear in any release without
 * notice. Applications, integrations and the command line use {@code dev.scripttracker} only.
 */
package dev.scripttracker.internal.config;
