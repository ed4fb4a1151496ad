package dev.scripttracker.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a fresh, empty database of one kind, dropped afterwards.
 *
 * <pre>{@code @RegisterExtension final FreshDatabase db = new FreshDatabase(DatabaseKind.POSTGRES);}</pre>
 */
public final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {

    private final DatabaseKind kind;
    private TestDatabase current;

    public FreshDatabase(DatabaseKind kind) {
        this.kind = kind;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current = kind.createFresh();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (current != null) {
            kind.drop(current);
            current = null;
        }
    }

    public TestDatabase get() {
        if (current == null) {
            throw new IllegalStateException("no database: FreshDatabase works per test method");
        }
        return current;
    }

    public DatabaseKind kind() {
        return kind;
    }
}
