package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;
import org.junit.jupiter.api.Test;

class MariaDbParallelBatchTest extends ParallelBatchContractTest {

    @Test
    void workerConnectionKilled_midBatch_costsOnlyThatBatch() {
        assertAKilledWorkerConnectionCostsOnlyItsBatch("select connection_id()", "kill :id");
    }

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
