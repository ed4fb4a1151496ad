package dev.scripttracker.internal.params;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A file parameter ({@code Path}): it must exist and be readable before the run starts. */
enum FileType implements ValueType {
    INSTANCE;

    @Override
    public String typeName() {
        return "Path";
    }

    @Override
    public String expects() {
        return "a readable file (Path)";
    }

    @Override
    public Object parse(String text) {
        Path file;
        try {
            file = Path.of(text);
        } catch (InvalidPathException e) {
            throw new BadValue("it is not a file name: " + e.getReason());
        }
        if (!Files.isRegularFile(file)) {
            throw new BadValue("there is no file " + file.toAbsolutePath());
        }
        if (!Files.isReadable(file)) {
            throw new BadValue("file " + file.toAbsolutePath() + " cannot be read (check its permissions)");
        }
        return file;
    }
}
