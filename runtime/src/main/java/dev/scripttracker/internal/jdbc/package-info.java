/**
 * JDBC plumbing of the engine: handles lent over connections it owns, a dry run's statement counting
 * (wrapping the connection, its statements and JDBI's), and driver messages without bound values.
 * Not a supported API: it may change in any release.
 */
package dev.scripttracker.internal.jdbc;
