package dev.scripttracker.internal.batch;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.scripttracker.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The records of a CSV file whose first line names the columns, checkpointed by record number.
 * Values are text, as in the file.
 */
public final class CsvSource implements BatchSource<Row>, AutoCloseable {

    private final Path file;
    private CsvReader<CsvRecord> reader;
    private Iterator<CsvRecord> records;
    private List<String> header;
    private long consumed;
    private long skip;

    public CsvSource(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return "CSV file " + file.toAbsolutePath();
    }

    @Override
    public String identity() {
        return "csv:" + file.toAbsolutePath().normalize();
    }

    @Override
    public void validate(Handle handle) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(describe() + " does not exist or cannot be read"
                    + (Files.exists(file) ? " (check its permissions)" : "") + "; pass the path of a readable"
                    + " CSV file whose first line names the columns");
        }
    }

    @Override
    public void resumeAfter(String position) {
        skip = position.isEmpty() ? 0 : Long.parseLong(position);
    }

    @Override
    public List<Row> next(Handle handle, int size) {
        open();
        List<Row> rows = new ArrayList<>(size);
        while (rows.size() < size && records.hasNext()) {
            CsvRecord record = records.next();
            List<String> fields = record.getFields();
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(describe() + " line " + record.getStartingLineNumber() + " has "
                        + fields.size() + " fields but the header names " + header.size() + " columns " + header
                        + "; fix the line (quote values that contain commas)");
            }
            consumed++;
            rows.add(new Row(header, fields.toArray(), 0));
        }
        return rows;
    }

    @Override
    public String position() {
        return Long.toString(consumed);
    }

    @Override
    public long countRemaining(Handle handle) {
        try (CsvReader<CsvRecord> counting = CsvReader.builder().ofCsvRecord(file)) {
            return Math.max(0, counting.stream().count() - 1 - Math.max(consumed, skip));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + describe(), e);
        }
    }

    private void open() {
        if (reader != null) {
            return;
        }
        try {
            reader = CsvReader.builder().ofCsvRecord(file);
            records = reader.iterator();
            if (!records.hasNext()) {
                throw new IllegalArgumentException(describe() + " is empty: its first line must name the columns");
            }
            header = records.next().getFields();
            while (consumed < skip && records.hasNext()) {
                records.next();
                consumed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + describe(), e);
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only: nothing is lost
            }
        }
    }
}
