package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;
import org.junit.jupiter.api.Test;

class PostgresParallelBatchTest extends ParallelBatchContractTest {

    @Test
    void workerSessionTerminated_midBatch_costsOnlyThatBatch() {
        assertAKilledWorkerConnectionCostsOnlyItsBatch("select pg_backend_pid()", "select pg_terminate_backend(:id)");
    }

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
