package dev.scripttracker.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

/** Which H2 failures mean "another process is opening or handing over the same file; try again". */
class EmbeddedH2HandOverTest {

    @Test
    void lockFileRewrittenByAnotherProcessWhileOpening_isWaitedOut() {
        SQLException opening = DbException.get(ErrorCode.ERROR_OPENING_DATABASE_1, "Concurrent update").getSQLException();

        assertTrue(EmbeddedH2HandOver.isUnderway(opening), opening.getMessage());
        assertTrue(EmbeddedH2HandOver.isUnderway(new IllegalStateException("wrapped", opening)));
    }

    @Test
    void anotherProcessFasterAtCreatingTheLockFile_isWaitedOut() {
        SQLException opening = DbException.get(ErrorCode.ERROR_OPENING_DATABASE_1, "Another process was faster")
                .getSQLException();

        assertTrue(EmbeddedH2HandOver.isUnderway(opening), opening.getMessage());
    }

    @Test
    void conflictOnATableRow_isNotMistakenForTheFileChangingHands() {
        SQLException rowConflict = DbException.get(ErrorCode.CONCURRENT_UPDATE_1, "\"PUBLIC.TRACKED_SCRIPTS\"")
                .getSQLException();

        assertFalse(EmbeddedH2HandOver.isUnderway(rowConflict), rowConflict.getMessage());
    }

    @Test
    void databaseThatCannotBeOpenedForGood_isReportedAtOnce() {
        SQLException corrupt = DbException.get(ErrorCode.FILE_CORRUPTED_1, "db.mv.db").getSQLException();

        assertFalse(EmbeddedH2HandOver.isUnderway(corrupt), corrupt.getMessage());
    }
}
