package dev.scripttracker.contract;

import dev.scripttracker.Param;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/** Scripts with declared parameters, for {@link ParametersContractTest}. */
final class ParameterScripts {

    /** The environment variable the test JVM has (surefire sets it), read by {@link UsesASecret.Params#token}. */
    static final String TOKEN_ENV = "SCRIPT_TRACKER_TEST_TOKEN";

    enum Mode { PREVIEW, APPLY }

    private ParameterScripts() {
    }

    /** Records every parsed value as text in table {@code bound}, one row per parameter. */
    @TrackedScript(id = "0301_every_type", parameters = EveryType.Params.class)
    public static class EveryType implements Script {

        public record Params(
                @Param(description = "whose rows") String tenant,
                @Param(defaultValue = "100", identifying = false) int limit,
                Long big,
                @Param(name = "dry", defaultValue = "false") boolean dryRunOnly,
                BigDecimal amount,
                LocalDate day,
                @Param(required = false) Instant at,
                Optional<Duration> pause,
                Mode mode,
                UUID ref,
                List<String> tags,
                Optional<List<Integer>> numbers) {
        }

        @Override
        public void run(ScriptContext ctx) {
            Params p = ctx.parameters(Params.class);
            List<Object> values = List.of(p.tenant(), p.limit(), p.big(), p.dryRunOnly(), p.amount(), p.day(),
                    String.valueOf(p.at()), p.pause(), p.mode(), p.ref(), p.tags(), p.numbers());
            List<String> names = List.of("tenant", "limit", "big", "dry", "amount", "day", "at", "pause", "mode",
                    "ref", "tags", "numbers");
            for (int i = 0; i < names.size(); i++) {
                ctx.handle().createUpdate("insert into bound (name, bound_value) values (:name, :value)")
                        .bind("name", names.get(i)).bind("value", String.valueOf(values.get(i))).execute();
            }
        }
    }

    /** Prints, logs and fails with its secret, which must show nowhere. */
    @TrackedScript(id = "0302_uses_a_secret", parameters = UsesASecret.Params.class)
    public static class UsesASecret implements Script {

        public record Params(String account, @Param(secret = true, env = TOKEN_ENV) String token,
                @Param(defaultValue = "false") boolean fail) {
        }

        @Override
        public void run(ScriptContext ctx) {
            Params p = ctx.parameters(Params.class);
            System.out.println("token is " + p.token());
            ctx.log("calling the API for {} with token {}", p.account(), p.token());
            ctx.handle().createUpdate("insert into bound (name, bound_value) values ('token', :token)")
                    .bind("token", p.token()).execute();
            if (p.fail()) {
                throw new IllegalStateException("the API refused token " + p.token());
            }
        }
    }

    /** Reads a CSV file given as a file parameter, in batches. */
    @TrackedScript(id = "0303_reads_a_file", transaction = Transaction.BATCH, parameters = ReadsAFile.Params.class)
    public static class ReadsAFile implements Script {

        public record Params(@Param(description = "CSV with a header line: id,name") Path file,
                @Param(defaultValue = "2", identifying = false) int size) {
        }

        @Override
        public void run(ScriptContext ctx) {
            Params p = ctx.parameters(Params.class);
            ctx.csvBatches(p.file()).size(p.size()).forEach((batch, h) -> batch.items().forEach(row ->
                    h.createUpdate("insert into items (id, name) values (:id, :name)")
                            .bind("id", Integer.parseInt(row.get("id").toString()))
                            .bind("name", row.get("name")).execute()));
        }
    }

    /** Inserts items 1 to 6 in batches of 2, failing at {@code failAt} (which does not identify the attempt). */
    @TrackedScript(id = "0305_resumes", transaction = Transaction.BATCH, parameters = Resumes.Params.class)
    public static class Resumes implements Script {

        public record Params(String tenant, @Param(defaultValue = "0", identifying = false) int failAt) {
        }

        @Override
        public void run(ScriptContext ctx) {
            Params p = ctx.parameters(Params.class);
            ctx.batches(List.of(1, 2, 3, 4, 5, 6)).size(2).forEach((batch, h) -> batch.items().forEach(item -> {
                if (item == p.failAt()) {
                    throw new IllegalStateException("failing at item " + item);
                }
                h.createUpdate("insert into items (id, name) values (:id, :tenant)").bind("id", item)
                        .bind("tenant", p.tenant()).execute();
            }));
        }
    }

    /** Declares nothing: parameters stay text, as before. */
    @TrackedScript(id = "0304_undeclared")
    public static class Undeclared implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.handle().createUpdate("insert into bound (name, bound_value) values ('anything', :v)")
                    .bind("v", ctx.requireParameter("anything")).execute();
            LoggerFactory.getLogger(Undeclared.class).info("ran");
        }
    }
}
