package dev.scripttracker;

import java.util.List;

/**
 * Where a parallel batch loop ({@code workers(n)}) of the script's last run got to: its chunks done
 * out of all, and the workers that hold a chunk now, over every process.
 *
 * @param workers each worker holding a chunk: its name ({@code process#n}) and who runs it ({@code user@host})
 */
public record Chunks(int done, int total, List<String> workers) {

    public static final Chunks NONE = new Chunks(0, 0, List.of());

    public Chunks {
        workers = List.copyOf(workers);
    }
}
