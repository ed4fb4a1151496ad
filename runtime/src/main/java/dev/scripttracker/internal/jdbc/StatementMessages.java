package dev.scripttracker.internal.jdbc;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * JDBI's statement errors without the bound values. By default JDBI appends every argument to the
 * message, so a script's {@code --param} values (and the store's own parameters column) would land
 * in error columns, logs and the command line's output. The statement itself is kept: it says where.
 */
public final class StatementMessages {

    private static final int MAX_STATEMENT = 1_024;

    private StatementMessages() {
    }

    public static Jdbi withoutArguments(Jdbi jdbi) {
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementMessages::render);
        return jdbi;
    }

    private static String render(StatementException e) {
        StatementContext ctx = e.getStatementContext();
        String sql = ctx == null ? null : ctx.getRenderedSql();
        if (sql == null) {
            return e.getShortMessage();
        }
        String shown = sql.length() <= MAX_STATEMENT ? sql : sql.substring(0, MAX_STATEMENT) + "[...]";
        return e.getShortMessage() + " [statement: \"" + shown + "\"; bound values not shown]";
    }
}
