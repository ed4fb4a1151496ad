/**
 * The registered scripts: registries on the class path, their order and checks.
 *
 * <p>Internal to script-tracker: anything here may change or disappear in any release without
 * notice. Applications, integrations and the command line use {@code dev.scripttracker} only.
 */
package dev.scripttracker.internal.registry;
