/**
 * The database sessions of a run: per attempt a work session (the script's connection, which holds
 * the script's lock where the database has session locks) and a store session (the records and the
 * heartbeat), reused from one script to the next while they stay healthy.
 *
 * <p>Internal to script-tracker: anything here may change or disappear in any release without
 * notice. Applications, integrations and the command line use {@code dev.scripttracker} only.
 */
package dev.scripttracker.internal.session;
