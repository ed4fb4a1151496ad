package dev.scripttracker.cli;

import dev.scripttracker.RunResult;
import dev.scripttracker.StatementCount;

/** What a dry run would have changed: each statement with its rows, then what the script logged. */
final class DryRunReport {

    private DryRunReport() {
    }

    static void write(RunResult result, Output output) {
        if (result.statements().isEmpty() && result.output().isBlank()) {
            return;
        }
        for (StatementCount count : result.statements()) {
            String uncounted = count.executionsWithoutRowCount() == 0 ? ""
                    : " (" + count.executionsWithoutRowCount() + " of them without a row count from the driver)";
            output.line("  would change " + count.rowsAffected() + " row(s) in " + count.executions()
                    + " execution(s)" + uncounted + ": " + count.sql().replaceAll("\\s+", " "));
        }
        if (!result.output().isBlank()) {
            output.line("  output:");
            result.output().lines().forEach(line -> output.line("    " + line));
        }
    }
}
