package dev.scripttracker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scripttracker.ScriptTracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemWriter;
import org.springframework.batch.item.database.JdbcPagingItemReader;
import org.springframework.batch.item.database.Order;
import org.springframework.batch.item.database.support.PostgresPagingQueryProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The peer of {@link ParallelBackfillBenchmark}'s backfills: the same {@code counter = counter + 1}
 * over {@code bench_parallel.rows}, as script-tracker's {@code workers(n)} and as a Spring Batch 5
 * partitioned step ({@code TaskExecutorPartitionHandler}, grid size = workers, id ranges, a step-scoped
 * {@code JdbcPagingItemReader} per partition, chunk size = batch size, the same {@code in (...)} update
 * per chunk, the JDBC job repository on the same PostgreSQL), side by side in one JVM through one
 * HikariCP pool, alternating, each run's counters reset before and checked after.
 *
 * <pre>mvn -q -f integration-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scripttracker.bench.SpringBatchPartitionBenchmark</pre>
 *
 * Options: {@code -Dbench.url=... -Dbench.dbRows=1000000 -Dbench.ioRows=20000 -Dbench.sleepMs=40
 * -Dbench.workers=1,2,4 -Dbench.reps=2}.
 */
public final class SpringBatchPartitionBenchmark {

    static final String SCHEMA = ParallelBackfillBenchmark.SCHEMA;
    static final String REPOSITORY_SCHEMA = "bench_spring_batch";
    static volatile long sleepMillis;

    private SpringBatchPartitionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = ParallelBackfillBenchmark.URL;
        int reps = Integer.getInteger("bench.reps", 2);
        int[] workers = java.util.Arrays.stream(System.getProperty("bench.workers", "1,2,4").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Jdbi jdbi = Jdbi.create(url);
        try (Handle h = jdbi.open()) {
            h.execute("drop schema if exists " + SCHEMA + " cascade");
            h.execute("drop schema if exists " + REPOSITORY_SCHEMA + " cascade");
            h.execute("create schema " + SCHEMA);
            h.execute("create schema " + REPOSITORY_SCHEMA);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + REPOSITORY_SCHEMA);
        config.setMaximumPoolSize(2 * workers[workers.length - 1] + 4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"))
                    .execute(pool);
            compare(jdbi, pool, "pure database", Integer.getInteger("bench.dbRows", 1_000_000), 1_000, 0, workers, reps);
            compare(jdbi, pool, "I/O-bound (each batch also sleeps " + Long.getLong("bench.sleepMs", 40) + " ms)",
                    Integer.getInteger("bench.ioRows", 20_000), 100, Long.getLong("bench.sleepMs", 40), workers, reps);
        } finally {
            try (Handle h = jdbi.open()) {
                h.execute("drop schema if exists " + SCHEMA + " cascade");
                h.execute("drop schema if exists " + REPOSITORY_SCHEMA + " cascade");
            }
        }
    }

    private static void compare(Jdbi jdbi, DataSource pool, String name, int rows, int size, long sleep, int[] workers,
            int reps) {
        ParallelBackfillBenchmark.createRows(jdbi, rows);
        ParallelBackfillBenchmark.sleepMillis = sleep;
        ParallelBackfillBenchmark.size = size;
        sleepMillis = sleep;
        System.out.printf(Locale.ROOT, "%s: %,d rows, batches (chunks) of %d%n", name, rows, size);
        try (ScriptTracker tracker = ScriptTracker.builder().dataSource(pool).tablePrefix(SCHEMA + ".tracked")
                .register(ParallelBackfillBenchmark.Backfill.class).build();
                AnnotationConfigApplicationContext spring = springBatch(pool)) {
            Job job = spring.getBean(Job.class);
            JobLauncher launcher = spring.getBean(JobLauncher.class);
            for (int count : workers) {
                List<Double> ours = new ArrayList<>();
                List<Double> theirs = new ArrayList<>();
                for (int rep = 0; rep <= reps; rep++) {
                    double a = ParallelBackfillBenchmark.timed(jdbi, rows,
                            () -> ParallelBackfillBenchmark.runForced(tracker, count));
                    double b = ParallelBackfillBenchmark.timed(jdbi, rows, () -> springBatch(launcher, job, count, size));
                    if (rep > 0) {
                        ours.add(a);
                        theirs.add(b);
                    }
                }
                double medianOurs = ParallelBackfillBenchmark.median(ours);
                double medianTheirs = ParallelBackfillBenchmark.median(theirs);
                System.out.printf(Locale.ROOT, "  workers=%d  script-tracker %s median %.2f s  Spring Batch %s median"
                        + " %.2f s  throughput script-tracker / Spring Batch = %.2f%n", count, ours, medianOurs,
                        theirs, medianTheirs, medianTheirs / medianOurs);
            }
        }
    }

    private static void springBatch(JobLauncher launcher, Job job, int workers, int size) {
        try {
            JobExecution execution = launcher.run(job, new JobParametersBuilder().addLong("workers", (long) workers)
                    .addLong("size", (long) size).addLong("run", System.nanoTime()).toJobParameters());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("Spring Batch ended " + execution.getStatus() + ": "
                        + execution.getAllFailureExceptions());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static AnnotationConfigApplicationContext springBatch(DataSource pool) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        // Not the pool itself: the context would close it with itself.
        context.registerBean("dataSource", DataSource.class, () -> new DelegatingDataSource(pool));
        context.register(PartitionedBackfill.class);
        context.refresh();
        return context;
    }

    /** The backfill as Spring Batch's documentation builds a local partitioned step. */
    @Configuration
    @EnableBatchProcessing
    static class PartitionedBackfill {

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        @Bean
        Job backfill(JobRepository repository, @Qualifier("manager") Step manager) {
            return new JobBuilder("backfill", repository).start(manager).build();
        }

        @Bean
        @StepScope
        TaskExecutorPartitionHandler partitionHandler(@Qualifier("worker") Step worker,
                @Value("#{jobParameters['workers']}") Long workers) {
            TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("spring-batch-worker-");
            executor.setConcurrencyLimit(workers.intValue());
            handler.setTaskExecutor(executor);
            handler.setStep(worker);
            handler.setGridSize(workers.intValue());
            return handler;
        }

        @Bean
        Step manager(JobRepository repository, TaskExecutorPartitionHandler partitionHandler,
                DataSource dataSource) {
            return new StepBuilder("manager", repository).partitioner("worker", idRanges(dataSource))
                    .partitionHandler(partitionHandler).build();
        }

        @Bean
        Step worker(JobRepository repository, PlatformTransactionManager transactionManager,
                JdbcPagingItemReader<Long> reader, ItemWriter<Long> writer) {
            return new StepBuilder("worker", repository).<Long, Long>chunk(chunkSize(), transactionManager)
                    .reader(reader).writer(writer).build();
        }

        private static int chunkSize() {
            return ParallelBackfillBenchmark.size;
        }

        @Bean
        @StepScope
        JdbcPagingItemReader<Long> reader(DataSource dataSource, @Value("#{stepExecutionContext['min']}") Long min,
                @Value("#{stepExecutionContext['max']}") Long max) {
            PostgresPagingQueryProvider query = new PostgresPagingQueryProvider();
            query.setSelectClause("id");
            query.setFromClause(SCHEMA + ".rows");
            query.setWhereClause("id >= :min and id <= :max");
            query.setSortKeys(Map.of("id", Order.ASCENDING));
            JdbcPagingItemReader<Long> reader = new JdbcPagingItemReader<>();
            reader.setDataSource(dataSource);
            reader.setQueryProvider(query);
            reader.setParameterValues(Map.of("min", min, "max", max));
            reader.setPageSize(chunkSize());
            reader.setRowMapper((rs, row) -> rs.getLong(1));
            reader.setSaveState(true);
            return reader;
        }

        @Bean
        ItemWriter<Long> writer(DataSource dataSource) {
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
            return chunk -> {
                if (sleepMillis > 0) {
                    Thread.sleep(sleepMillis);
                }
                jdbc.update("update " + SCHEMA + ".rows set counter = counter + 1 where id in (:ids)",
                        Map.of("ids", new ArrayList<>(chunk.getItems())));
            };
        }

        /** One id range per partition, as Spring Batch's samples split a table (ColumnRangePartitioner). */
        private static Partitioner idRanges(DataSource dataSource) {
            return gridSize -> {
                NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
                Map<String, Object> range = jdbc.queryForMap("select min(id) as lo, max(id) as hi from " + SCHEMA
                        + ".rows", Map.of());
                long lo = ((Number) range.get("lo")).longValue();
                long hi = ((Number) range.get("hi")).longValue();
                long width = (hi - lo) / gridSize + 1;
                Map<String, ExecutionContext> partitions = new HashMap<>();
                for (int i = 0; i < gridSize; i++) {
                    ExecutionContext context = new ExecutionContext();
                    context.putLong("min", lo + i * width);
                    context.putLong("max", Math.min(hi, lo + (i + 1) * width - 1));
                    partitions.put("partition" + i, context);
                }
                return partitions;
            };
        }
    }
}
