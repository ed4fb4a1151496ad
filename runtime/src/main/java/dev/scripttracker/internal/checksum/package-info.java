/**
 * Checksums of scripts' code, recorded with every attempt so that a script edited after it ran is seen.
 *
 * <p>Internal to script-tracker: anything here may change or disappear in any release without
 * notice. Applications, integrations and the command line use {@code dev.scripttracker} only.
 */
package dev.scripttracker.internal.checksum;
