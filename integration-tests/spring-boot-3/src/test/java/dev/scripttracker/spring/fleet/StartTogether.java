package dev.scripttracker.spring.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Holds each instance just before its start-up run until every instance of the fleet got there, so
 * that they reach the scripts' locks together, as pods of one deployment do. (A bean of the
 * application, so it is called before the auto-configured start-up run.)
 */
@Component
public class StartTogether implements SmartInitializingSingleton {

    private final Path rendezvous;
    private final int instances;

    public StartTogether(@Value("${fleet.rendezvous}") Path rendezvous, @Value("${fleet.instances}") int instances) {
        this.rendezvous = rendezvous;
        this.instances = instances;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            Files.createFile(rendezvous.resolve(ProcessHandle.current().pid() + ".ready"));
            for (int polls = 0; arrived() < instances; polls++) {
                if (polls == 12_000) {
                    throw new IllegalStateException("only " + arrived() + " of " + instances + " instances arrived");
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long arrived() throws IOException {
        try (Stream<Path> files = Files.list(rendezvous)) {
            return files.filter(f -> f.toString().endsWith(".ready")).count();
        }
    }
}
