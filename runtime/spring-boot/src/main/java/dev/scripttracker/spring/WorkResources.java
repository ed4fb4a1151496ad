package dev.scripttracker.spring;

/**
 * What a script run binds for Spring besides its connection (JPA's sessions), kept behind a type
 * without JPA in it so that applications without JPA never load a JPA class.
 */
interface WorkResources extends AutoCloseable {

    WorkResources NONE = () -> { };

    /** Writes out pending changes on the script's connection. */
    default void flush() {
    }

    /** A batch's transaction ended: what was loaded for it is let go. */
    default void batchEnded() {
    }

    /** Whether a {@code @Transactional} method that joined and failed marked the work rollback-only. */
    default boolean rollbackOnly() {
        return false;
    }

    /** Unbinds what was bound; the connection stays open and its transaction untouched. */
    @Override
    void close();
}
